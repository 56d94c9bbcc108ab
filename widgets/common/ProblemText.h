#pragma once
// How the console shows a problem in words next to what it is about (a field's reason, a
// refused save): one colour and one label shape for every form, so they read alike.
#include "domain/SignalColours.h"
#include "workorders/WorkOrderDraft.h"

#include <QHash>
#include <QLabel>
#include <QString>

namespace fieldops::widgets {

inline QString problemTextStyle() { return QStringLiteral("color: %1;").arg(colours::css(colours::alarm())); }

// A hidden, word-wrapped label in the problem colour; `name` is its object name.
inline QLabel *makeProblemLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setStyleSheet(problemTextStyle());
    label->setWordWrap(true);
    label->hide();
    return label;
}

// Shows under each field its first problem in `issues` (hidden when it has none).
inline void showFieldIssues(const QHash<QString, QLabel *> &labels, const workorders::FieldIssues &issues)
{
    for (auto it = labels.begin(); it != labels.end(); ++it) {
        QString text;
        for (const workorders::FieldIssue &i : issues)
            if (i.field == it.key()) {
                text = i.message;
                break;
            }
        it.value()->setText(text);
        it.value()->setVisible(!text.isEmpty());
    }
}

} // namespace fieldops::widgets
