// The English plural forms: "%n day(s)" reads "1 day" and "18 days" once the console's
// translations are installed (the embedded translations/fieldops_en.ts, compiled at build
// time), in the contexts the code really uses, and every "%n …(s)" text in the sources has
// its English forms, so a new one is not shown with "(s)".
#include "contracts/ContractListModel.h"
#include "util/Translations.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

using namespace fieldops;

class TestEnglishPlurals : public QObject {
    Q_OBJECT

    struct Message {
        QString context;
        QString source;
        QStringList forms;
    };
    QVector<Message> m_messages;

    static QString sourceDir() { return qEnvironmentVariable("FIELDOPS_SOURCE_DIR"); }

private slots:
    void initTestCase()
    {
        QVERIFY2(!sourceDir().isEmpty(), "FIELDOPS_SOURCE_DIR is not set (CTest sets it)");
        QFile ts(sourceDir() + QStringLiteral("/translations/fieldops_en.ts"));
        QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(ts.fileName()));
        QXmlStreamReader xml(&ts);
        QString context;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name"))
                context = xml.readElementText();
            else if (xml.name() == QLatin1String("message"))
                m_messages.push_back({context, {}, {}});
            else if (xml.name() == QLatin1String("source"))
                m_messages.back().source = xml.readElementText();
            else if (xml.name() == QLatin1String("numerusform"))
                m_messages.back().forms << xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(m_messages.size() >= 20);
        installTranslations(*QCoreApplication::instance());
    }

    void everyMessageIsCompiledIn()
    {
        for (const Message &m : std::as_const(m_messages)) {
            QCOMPARE(m.forms.size(), 2);
            QCOMPARE(QCoreApplication::translate(qPrintable(m.context), qPrintable(m.source), nullptr, 1), QString(m.forms[0]).replace(QStringLiteral("%n"), QStringLiteral("1")));
            QCOMPARE(QCoreApplication::translate(qPrintable(m.context), qPrintable(m.source), nullptr, 3), QString(m.forms[1]).replace(QStringLiteral("%n"), QStringLiteral("3")));
        }
    }

    void contractEndingReadsInWords()
    {
        contracts::ContractListModel model;
        const QDate today(2026, 3, 2);
        model.setToday(today);
        contracts::ContractListRow tomorrow;
        tomorrow.id = QStringLiteral("k1");
        tomorrow.customerId = QStringLiteral("c1");
        tomorrow.name = QStringLiteral("Gold");
        tomorrow.startsOn = QDate(2025, 1, 1);
        tomorrow.endsOn = today.addDays(1);
        tomorrow.coverage = QStringLiteral("24x7");
        contracts::ContractListRow later = tomorrow;
        later.id = QStringLiteral("k2");
        later.endsOn = today.addDays(18);
        model.setRows({tomorrow, later});
        QCOMPARE(model.index(0, contracts::ContractListModel::StateColumn).data().toString(), QStringLiteral("Ends in 1 day"));
        QCOMPARE(model.index(1, contracts::ContractListModel::StateColumn).data().toString(), QStringLiteral("Ends in 18 days"));
    }

    // A "%n …(s)" text added to the code without English forms would show "(s)": each one
    // in app/, widgets/ and models/ is in the English translation file.
    void everyPluralTextHasEnglishForms()
    {
        QSet<QString> known;
        for (const Message &m : std::as_const(m_messages))
            known.insert(m.source);
        const QRegularExpression literal(QStringLiteral("\"((?:[^\"\\\\]|\\\\.)*%n(?:[^\"\\\\]|\\\\.)*)\""));
        int seen = 0;
        for (const char *dir : {"app", "widgets", "models"}) {
            QDirIterator it(sourceDir() + QLatin1Char('/') + QLatin1String(dir), {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                QVERIFY(f.open(QIODevice::ReadOnly));
                const QString text = QString::fromUtf8(f.readAll());
                for (auto m = literal.globalMatch(text); m.hasNext();) {
                    const QString s = m.next().captured(1);
                    if (!s.contains(QStringLiteral("(s)")) || s.endsWith(QLatin1Char(' ')))
                        continue; // a text continued on the next line is matched by its whole
                    ++seen;
                    bool found = known.contains(s);
                    for (const QString &k : std::as_const(known))
                        found = found || k.startsWith(s);
                    QVERIFY2(found, qPrintable(QStringLiteral("%1: \"%2\" has no English plural forms in translations/fieldops_en.ts").arg(f.fileName(), s)));
                }
            }
        }
        QVERIFY(seen >= 20);
    }
};

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "tst_english_plurals.moc"
