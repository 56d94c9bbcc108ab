#pragma once
// `fieldops-cli user list` output: an aligned table for people, JSON for programs
// ({"users":[{"name":…,"role":…,"territories":[…],"disabled":false}]}, sorted by name).
#include "users/UserAccount.h"

#include <QJsonObject>
#include <vector>

namespace fieldops {

QJsonObject usersToJson(const std::vector<UserAccount> &users);
QString usersToTable(const std::vector<UserAccount> &users);

} // namespace fieldops
