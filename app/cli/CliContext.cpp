#include "CliContext.h"

#include "storage/Migrator.h"

#include <QCoreApplication>
#include <cstdio>

namespace fieldops::cli {

CliContext::CliContext() : m_out(stdout), m_err(stderr) {}

bool CliContext::parse(QCommandLineParser &parser, const QStringList &args, const QString &command,
                       const QString &description, int &exitCode)
{
    parser.setApplicationDescription(description);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("cli", "Show this help."));
    parser.addOption(help);
    QStringList full = args;
    full.prepend(QStringLiteral("fieldops-cli ") + command);
    if (!parser.parse(full)) {
        exitCode = invalid(parser.errorText());
        return false;
    }
    if (parser.isSet(help)) {
        QString text = parser.helpText();
        // QCommandLineParser names the program by its path; say what the user types.
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        const QString usage = text.left(eol);
        const qsizetype opts = usage.indexOf(QLatin1String(" [options]"));
        text = QCoreApplication::translate("cli", "Usage: fieldops-cli [--db URL] %1").arg(command)
            + (opts >= 0 ? usage.mid(opts) : QString()) + text.mid(eol);
        m_out << text;
        m_out.flush();
        exitCode = ExitOk;
        return false;
    }
    return true;
}

std::unique_ptr<Database> CliContext::openDatabase(int &exitCode, bool allowEmpty)
{
    auto url = DatabaseUrl::parse(dbUrlText);
    if (!url) {
        exitCode = invalid(url.error().message);
        return nullptr;
    }
    auto db = Database::open(*url);
    if (!db) {
        exitCode = fail(db.error());
        return nullptr;
    }
    if (!allowEmpty) {
        Migrator m(**db);
        auto v = m.currentVersion();
        if (!v) {
            exitCode = fail(v.error());
            return nullptr;
        }
        if (*v == 0) {
            exitCode = invalid(QCoreApplication::translate("cli", "%1 holds no FieldOps schema; run `fieldops-cli --db URL init` first")
                                   .arg(url->toDisplayString()));
            return nullptr;
        }
        if (*v < Migrator::latestVersion()) {
            auto r = m.migrate();
            if (!r) {
                exitCode = fail(r.error());
                return nullptr;
            }
        }
    }
    exitCode = ExitOk;
    return std::move(db).value();
}

int CliContext::fail(const Error &e)
{
    m_err << "error: " << e.message << Qt::endl;
    if (verbose) {
        for (const QString &line : e.detail.trimmed().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            m_err << "  " << line << '\n';
        m_err.flush();
    }
    return e.kind == Error::Kind::Invalid || e.kind == Error::Kind::DoubleBooking ? ExitInvalid : ExitFailure;
}

int CliContext::invalid(const QString &message)
{
    m_err << "error: " << message << Qt::endl;
    return ExitInvalid;
}

int CliContext::refusedLine(const QString &message)
{
    m_err << message << Qt::endl;
    return ExitInvalid;
}

std::optional<int> CliContext::requiredDays(const QCommandLineParser &parser, const QCommandLineOption &option, int max, int example,
                                            int &exitCode)
{
    const QString name = QStringLiteral("--") + option.names().constFirst();
    if (!parser.isSet(option)) {
        exitCode = invalid(QCoreApplication::translate("cli", "%1: a number of days is required, e.g. %1 %2").arg(name).arg(example));
        return std::nullopt;
    }
    bool ok = false;
    const QString text = parser.value(option).trimmed();
    const int days = text.toInt(&ok);
    if (!ok) {
        exitCode = invalid(QCoreApplication::translate("cli", "%1: \"%2\" is not a whole number of days").arg(name, text));
        return std::nullopt;
    }
    if (days < 0 || days > max) {
        exitCode = invalid(QCoreApplication::translate("cli", "%1: %2 is outside [0, %3]").arg(name).arg(days).arg(max));
        return std::nullopt;
    }
    return days;
}

} // namespace fieldops::cli
