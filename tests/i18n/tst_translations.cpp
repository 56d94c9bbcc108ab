// The shipped languages (translations/fieldops_<language>.ts) are complete and sound: every text
// the sources hold today (re-read with lupdate, as `update_translations` does) has a finished
// translation in each language, with the same %1/%n placeholders and one keyboard accelerator
// where the English has one; the compiled translations embedded in the binaries give those
// texts; and choosing a language installs it with its locale.
#include "util/Translations.h"

#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace fieldops;

namespace {

struct Message {
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool finished = true;
    QStringList translations; // one, or the plural forms
    QString key() const { return context + QChar(0x1f) + source + QChar(0x1f) + comment; }
};

QVector<Message> readTs(const QString &path, QString *error)
{
    QVector<Message> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(path);
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        const auto name = xml.name();
        if (name == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (name == QLatin1String("message")) {
            Message m;
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            out.push_back(m);
        } else if (name == QLatin1String("source")) {
            out.back().source = xml.readElementText();
        } else if (name == QLatin1String("comment")) {
            out.back().comment = xml.readElementText();
        } else if (name == QLatin1String("translation")) {
            const auto type = xml.attributes().value(QLatin1String("type"));
            out.back().finished = type.isEmpty();
            if (!out.back().numerus)
                out.back().translations << xml.readElementText();
        } else if (name == QLatin1String("numerusform")) {
            out.back().translations << xml.readElementText();
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: %2").arg(path, xml.errorString());
    return out;
}

QStringList placeholders(const QString &text, bool dropCount)
{
    static const QRegularExpression re(QStringLiteral("%L?[1-9]|%n"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString p = it.next().captured();
        if (!(dropCount && p == QLatin1String("%n")))
            found << p;
    }
    found.sort();
    return found;
}

int accelerators(QString text)
{
    text.remove(QStringLiteral("&&"));
    static const QRegularExpression re(QStringLiteral("&[^&\\s]"));
    return int(text.count(re));
}

QString sourceDir() { return qEnvironmentVariable("FIELDOPS_SOURCE_DIR"); }

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

    QVector<Message> m_current; // what the sources hold today

private slots:
    void initTestCase()
    {
        QVERIFY2(!sourceDir().isEmpty(), "FIELDOPS_SOURCE_DIR is not set (CTest sets it)");
        const QString lupdate = qEnvironmentVariable("FIELDOPS_LUPDATE");
        QVERIFY2(QFile::exists(lupdate), "FIELDOPS_LUPDATE does not name lupdate (CTest sets it)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString ts = dir.filePath(QStringLiteral("current.ts"));
        QProcess p;
        p.start(lupdate, {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                          sourceDir() + QStringLiteral("/app"), sourceDir() + QStringLiteral("/widgets"),
                          sourceDir() + QStringLiteral("/models"), QStringLiteral("-ts"), ts});
        QVERIFY2(p.waitForFinished(300000), "lupdate did not finish in 5 minutes");
        QCOMPARE(p.exitCode(), 0);
        QString error;
        m_current = readTs(ts, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The console has well over a thousand texts; a handful means lupdate read nothing.
        QVERIFY2(m_current.size() > 1000, qPrintable(QString::number(m_current.size())));
    }

    void everyTextIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        for (const QString &language : shippedLanguages())
            if (language != QLatin1String("en"))
                QTest::newRow(qPrintable(language)) << language;
    }

    void everyTextIsTranslated()
    {
        QFETCH(QString, language);
        QString error;
        const QVector<Message> shipped = readTs(sourceDir() + QStringLiteral("/translations/fieldops_%1.ts").arg(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QHash<QString, Message> byKey;
        for (const Message &m : shipped)
            byKey.insert(m.key(), m);
        QStringList problems;
        for (const Message &m : std::as_const(m_current)) {
            const auto it = byKey.constFind(m.key());
            const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
            if (it == byKey.constEnd()) {
                problems << where + QStringLiteral(": not in the .ts file (run the update_translations target)");
                continue;
            }
            if (!it->finished || it->translations.isEmpty()) {
                problems << where + QStringLiteral(": unfinished");
                continue;
            }
            for (const QString &t : it->translations) {
                if (t.trimmed().isEmpty() && !m.source.trimmed().isEmpty())
                    problems << where + QStringLiteral(": empty translation");
                else if (placeholders(t, m.numerus) != placeholders(m.source, m.numerus))
                    problems << where + QStringLiteral(": placeholders differ in \"%1\"").arg(t);
                else if (accelerators(t) != accelerators(m.source))
                    problems << where + QStringLiteral(": keyboard accelerator (&) differs in \"%1\"").arg(t);
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problem(s) in %2:\n").arg(problems.size()).arg(language)
                                                 + problems.mid(0, 40).join(QLatin1Char('\n'))));
    }

    void compiledTranslationsGiveTheTexts_data() { everyTextIsTranslated_data(); }

    void compiledTranslationsGiveTheTexts()
    {
        QFETCH(QString, language);
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral(":/i18n/fieldops_%1.qm").arg(language)), "the .qm is not embedded");
        QCOMPARE(translator.language(), language);
        QString error;
        const QVector<Message> shipped = readTs(sourceDir() + QStringLiteral("/translations/fieldops_%1.ts").arg(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        int checked = 0;
        for (const Message &m : shipped) {
            if (!m.finished || m.translations.isEmpty())
                continue;
            const QByteArray context = m.context.toUtf8(), source = m.source.toUtf8(), comment = m.comment.toUtf8();
            const QString got = translator.translate(context.constData(), source.constData(),
                                                     comment.isEmpty() ? nullptr : comment.constData(), m.numerus ? 1 : -1);
            if (m.numerus)
                QVERIFY2(m.translations.contains(got), qPrintable(m.source + QStringLiteral(" → ") + got));
            else
                QCOMPARE(got, m.translations.constFirst());
            ++checked;
        }
        QVERIFY(checked > 1000);
    }

    // The real fieldops-cli speaks the language of its environment (LANG/LC_ALL), as the
    // console does when no language is chosen in its settings.
    void cliFollowsTheEnvironmentsLanguage_data() { everyTextIsTranslated_data(); }

    void cliFollowsTheEnvironmentsLanguage()
    {
        QFETCH(QString, language);
        QString error;
        const QVector<Message> shipped = readTs(sourceDir() + QStringLiteral("/translations/fieldops_%1.ts").arg(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QString expected;
        for (const Message &m : shipped)
            if (m.context == QLatin1String("cli") && m.source == QLatin1String("create or migrate the schema"))
                expected = m.translations.value(0);
        QVERIFY2(!expected.isEmpty(), "the help text of init is not translated");
        QProcess cli;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LC_ALL"), language + QStringLiteral(".UTF-8"));
        env.insert(QStringLiteral("LANGUAGE"), language);
        cli.setProcessEnvironment(env);
        cli.start(qEnvironmentVariable("FIELDOPS_CLI"), {QStringLiteral("--help")});
        QVERIFY(cli.waitForFinished(30000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(out.contains(expected), qPrintable(out.left(600)));
        QVERIFY2(!out.contains(QLatin1String("create or migrate the schema")), "English text left in the help");
    }

    // Last: installing changes the application's translators and default locale.
    void choosingALanguageInstallsItAndItsLocale()
    {
        QCOMPARE(localeForLanguage(QStringLiteral("pt_BR")).name(), QStringLiteral("pt_BR"));
        QCOMPARE(localeForLanguage(QString()).name(), QLocale::system().name());
        QCOMPARE(installTranslations(*QCoreApplication::instance(), QStringLiteral("es")), QStringLiteral("es"));
        QCOMPARE(QLocale().language(), QLocale::Spanish);
        // Texts come out in Spanish, plurals too, and the decimal comma follows the locale.
        QVERIFY(QCoreApplication::translate("MainWindow", "Schedule") != QLatin1String("Schedule"));
        QVERIFY(!QCoreApplication::translate("ScheduleBoard", "%1 · covers %n visit(s)", nullptr, 2).contains(QLatin1String("(s)")));
        QCOMPARE(QLocale().toString(1.5, 'f', 1), QStringLiteral("1,5"));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
