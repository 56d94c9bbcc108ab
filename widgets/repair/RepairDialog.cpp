#include "repair/RepairDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
enum Column { OptionColumn, CostColumn, MovedColumn, QueueColumn, TravelColumn, LateColumn, ColumnCount };
constexpr int kOptionRole = Qt::UserRole + 1;
} // namespace

RepairDialog::RepairDialog(const QString &title, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("repairDialog"));
    setWindowTitle(title);
    auto *v = new QVBoxLayout(this);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("repairMessage"));
    m_message->setWordWrap(true);
    v->addWidget(m_message);
    m_options = new QTreeWidget(this);
    m_options->setObjectName(QStringLiteral("repairOptions"));
    m_options->setAccessibleName(tr("Repair options"));
    m_options->setColumnCount(ColumnCount);
    //: Column headings of the repair options: the cost in minutes, visits moved, visits sent to the queue, added travel, minutes past the SLA.
    m_options->setHeaderLabels({tr("Option"), tr("Cost"), tr("Moved"), tr("To queue"), tr("Added travel"), tr("Past SLA")});
    m_options->header()->setSectionResizeMode(OptionColumn, QHeaderView::Stretch);
    m_options->header()->setStretchLastSection(false);
    for (int c = CostColumn; c < ColumnCount; ++c)
        m_options->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_options->setAllColumnsShowFocus(true);
    v->addWidget(m_options, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_apply = buttons->addButton(tr("&Apply option"), QDialogButtonBox::AcceptRole);
    m_apply->setObjectName(QStringLiteral("repairApply"));
    m_apply->setDefault(true);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (chosenOption() >= 0)
            emit applyRequested(chosenOption());
    });
    connect(m_options, &QTreeWidget::itemDoubleClicked, this, [this] {
        if (m_apply->isEnabled())
            m_apply->click();
    });
    connect(m_options, &QTreeWidget::currentItemChanged, this, &RepairDialog::updateApply);
    resize(760, 420);
    updateApply();
}

void RepairDialog::showWorking(const QString &text)
{
    m_working = true;
    m_options->clear();
    m_message->setText(text);
    updateApply();
}

void RepairDialog::showMessage(const QString &text)
{
    m_working = false;
    m_message->setText(text);
    updateApply();
}

void RepairDialog::showRepair(const dayplan::DayRepair &repair, const QHash<QString, QString> &names,
                              const QHash<QString, QString> &summaries, const QTimeZone &zone)
{
    m_working = false;
    m_options->clear();
    const QLocale locale;
    const auto who = [&names](const QString &id) { return names.value(id, id); };
    const auto what = [&summaries](const QString &id) {
        const QString s = summaries.value(id);
        return s.isEmpty() ? id : QStringLiteral("%1 %2").arg(id, s);
    };
    const auto when = [&locale, &zone](const QDateTime &t) { return locale.toString(t.toTimeZone(zone).time(), QLocale::ShortFormat); };
    QStringList displaced;
    for (const QString &id : repair.displaced)
        displaced << what(id);
    QString text = repair.displaced.isEmpty() ? tr("Nothing is displaced: the day absorbs the change as it is.")
                                              : tr("Displaced: %1.").arg(displaced.join(QStringLiteral("; ")));
    if (!repair.keptLocked.isEmpty())
        text += QLatin1Char(' ') + tr("Left in place (locked or under way): %1.").arg(repair.keptLocked.join(QStringLiteral(", ")));
    if (!repair.options.empty())
        text += QLatin1Char(' ') + tr("Cheapest first; the cost is in minutes.");
    m_message->setText(text);
    for (size_t i = 0; i < repair.options.size(); ++i) {
        const dayplan::RepairOption &o = repair.options[i];
        auto *item = new QTreeWidgetItem(m_options);
        item->setText(OptionColumn, dayplan::repairKindText(o.kind));
        item->setText(CostColumn, locale.toString(o.cost));
        item->setText(MovedColumn, locale.toString(o.visitsMoved + o.newVisits));
        item->setText(QueueColumn, locale.toString(o.backToQueue));
        //: Minutes of driving an option of a repair adds.
        item->setText(TravelColumn, tr("%1 min").arg(locale.toString(o.travelAddedMin)));
        item->setText(LateColumn, tr("%1 min").arg(locale.toString(o.lateMin)));
        for (int c = CostColumn; c < ColumnCount; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(OptionColumn, kOptionRole, int(i));
        for (const dayplan::RepairMove &m : o.moves) {
            const QString from = m.appointmentId.isEmpty() ? tr("queue") : tr("%1 at %2").arg(who(m.fromTechnicianId), when(m.fromStart));
            const QString to = m.toTechnicianId.isEmpty() ? tr("queue") : tr("%1 at %2").arg(who(m.toTechnicianId), when(m.start));
            auto *child = new QTreeWidgetItem(item);
            child->setText(OptionColumn, tr("%1: %2 → %3").arg(what(m.workOrderId), from, to));
            child->setData(OptionColumn, kOptionRole, int(i));
            child->setFirstColumnSpanned(true);
        }
        item->setExpanded(true);
    }
    if (m_options->topLevelItemCount() > 0) {
        m_options->setCurrentItem(m_options->topLevelItem(0));
        m_options->setFocus();
    }
    updateApply();
}

int RepairDialog::chosenOption() const
{
    const QTreeWidgetItem *item = m_options->currentItem();
    return item ? item->data(OptionColumn, kOptionRole).toInt() : -1;
}

void RepairDialog::updateApply() { m_apply->setEnabled(!m_working && chosenOption() >= 0); }

} // namespace fieldops::widgets
