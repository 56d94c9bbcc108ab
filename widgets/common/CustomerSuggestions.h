#pragma once
// The type-ahead's answer for a customer query: the directory's matches as suggestions
// (name, with id, phone and email after it), the same in every form that picks a customer.
#include "common/TypeAheadField.h"
#include "workorders/CustomerDirectory.h"

#include <QStringList>

namespace fieldops::widgets {

inline QVector<Suggestion> customerSuggestions(workorders::CustomerDirectory *directory, const QString &query, int limit = 30)
{
    QVector<Suggestion> list;
    if (!directory)
        return list;
    for (int i : directory->search(query, limit)) {
        const workorders::CustomerEntry &c = directory->at(i);
        QStringList detail{c.id};
        if (!c.phone.isEmpty())
            detail << c.phone;
        if (!c.email.isEmpty())
            detail << c.email;
        list.push_back({c.id, c.name, detail.join(QStringLiteral(" · "))});
    }
    return list;
}

} // namespace fieldops::widgets
