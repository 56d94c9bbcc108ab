#include "users/UserReport.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <algorithm>

namespace fieldops {

namespace {
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(UserReport)
};
} // namespace

namespace {
std::vector<UserAccount> sortedByName(std::vector<UserAccount> users)
{
    std::sort(users.begin(), users.end(), [](const UserAccount &a, const UserAccount &b) { return a.name < b.name; });
    return users;
}
} // namespace

QJsonObject usersToJson(const std::vector<UserAccount> &users)
{
    QJsonArray rows;
    for (const UserAccount &u : sortedByName(users)) {
        rows.append(QJsonObject{{QStringLiteral("name"), u.name},
                                {QStringLiteral("role"), u.role},
                                {QStringLiteral("territories"), QJsonArray::fromStringList(u.territories)},
                                {QStringLiteral("disabled"), u.disabled}});
    }
    return QJsonObject{{QStringLiteral("users"), rows}};
}

QString usersToTable(const std::vector<UserAccount> &users)
{
    std::vector<QStringList> rows{{Text::tr("LOGIN"), Text::tr("ROLE"), Text::tr("TERRITORIES"), Text::tr("STATUS")}};
    for (const UserAccount &u : sortedByName(users))
        rows.push_back({u.name, u.role, u.territories.isEmpty() ? Text::tr("(all)") : u.territories.join(QLatin1Char(',')),
                        u.disabled ? Text::tr("disabled") : Text::tr("active")});
    std::vector<qsizetype> width(rows.front().size(), 0);
    for (const QStringList &r : rows) {
        for (qsizetype c = 0; c + 1 < r.size(); ++c)
            width[size_t(c)] = std::max(width[size_t(c)], r[c].size());
    }
    QString out;
    for (const QStringList &r : rows) {
        QString line;
        for (qsizetype c = 0; c < r.size(); ++c)
            line += c + 1 < r.size() ? r[c].leftJustified(width[size_t(c)] + 2) : r[c];
        out += line + QLatin1Char('\n');
    }
    out += QCoreApplication::translate("UserReport", "%n user(s)", nullptr, int(users.size())) + QLatin1Char('\n');
    return out;
}

} // namespace fieldops
