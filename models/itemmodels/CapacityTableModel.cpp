#include "itemmodels/CapacityTableModel.h"

#include "domain/SignalColours.h"
#include "itemmodels/ItemRoles.h"

#include <QBrush>
#include <QFont>
#include <QLocale>

namespace fieldops {

namespace {
QString hours(double h) { return QLocale().toString(h, 'f', 1); }

// A cell's background: its meaning's colour, faint enough to read the figures over it.
QBrush tint(QColor c)
{
    c.setAlpha(48);
    return QBrush(c);
}
} // namespace

CapacityTableModel::CapacityTableModel(QObject *parent) : QAbstractTableModel(parent) {}

void CapacityTableModel::setPreview(const planning::CapacityPreview &before, const planning::CapacityPreview &after)
{
    beginResetModel();
    m_before = before;
    // A levelled table of other weeks or territories cannot be shown beside this one.
    const bool sameShape = after.weeks == before.weeks && after.territoryIds == before.territoryIds;
    m_after = sameShape ? after : planning::CapacityPreview{};
    endResetModel();
}

void CapacityTableModel::showLevelled(bool levelled)
{
    if (m_showLevelled == levelled)
        return;
    m_showLevelled = levelled;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

int CapacityTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_before.isEmpty() ? 0 : int(m_before.territoryIds.size()) + 1;
}

int CapacityTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() || m_before.isEmpty() ? 0 : int(m_before.weeks.size());
}

const planning::CapacityCell &CapacityTableModel::cellOf(const planning::CapacityPreview &p, int row, int week)
{
    return row == p.territoryIds.size() ? p.totals[week] : p.cell(row, week);
}

QString CapacityTableModel::figures(const planning::CapacityCell &c) const
{
    return tr("%1 / %2 h").arg(hours(c.demandHours), hours(c.availableHours));
}

QString CapacityTableModel::toolTip(int row, int week) const
{
    const planning::CapacityPreview &p = shown();
    const planning::CapacityCell &c = cellOf(p, row, week);
    const QString where = isTotalRow(row) ? tr("all territories") : p.territoryNames.value(row);
    QStringList lines;
    lines << tr("%1 (%2 – %3), %4")
                 .arg(p.weeks.value(week), QLocale().toString(p.weekFirstDays.value(week), QLocale::ShortFormat),
                      QLocale().toString(p.weekLastDays.value(week), QLocale::ShortFormat), where);
    lines << tr("New preventive work: %1 h in %n visit(s)", nullptr, c.occurrences).arg(hours(c.demandHours));
    lines << tr("Free: %1 h of %n technician(s) holding the skills, after absences and bookings", nullptr, c.technicians)
                 .arg(hours(c.availableHours));
    lines << tr("Already booked: %1 h").arg(hours(c.bookedHours));
    if (c.overloaded)
        lines << (isTotalRow(row) ? tr("At least one territory is overloaded this week.") : tr("Overloaded: more work than free hours."));
    if (hasLevelled() && !m_showLevelled)
        lines << tr("After levelling: %1").arg(figures(cellOf(m_after, row, week)));
    else if (hasLevelled())
        lines << tr("Before levelling: %1").arg(figures(cellOf(m_before, row, week)));
    return lines.join(QLatin1Char('\n'));
}

QVariant CapacityTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= columnCount())
        return {};
    const int row = index.row();
    const int week = index.column();
    const planning::CapacityCell &c = cellOf(shown(), row, week);
    switch (role) {
    case Qt::DisplayRole: return figures(c);
    case Qt::ToolTipRole: return toolTip(row, week);
    case Qt::TextAlignmentRole: return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ForegroundRole: return c.overloaded ? QVariant(QBrush(colours::alarm())) : QVariant();
    case Qt::BackgroundRole:
        if (c.overloaded)
            return tint(colours::alarm());
        if (m_showLevelled && hasLevelled() && cellOf(m_before, row, week).demandHours != c.demandHours)
            return tint(colours::good());
        return {};
    case Qt::FontRole:
        if (isTotalRow(row)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case roles::CapacityOverloaded: return c.overloaded;
    case roles::CapacityDemandHours: return c.demandHours;
    case roles::CapacityAvailableHours: return c.availableHours;
    case roles::CapacityLevelledText: return hasLevelled() ? QVariant(figures(cellOf(m_after, row, week))) : QVariant();
    case roles::CapacityLevelledOverloaded: return hasLevelled() ? QVariant(cellOf(m_after, row, week).overloaded) : QVariant();
    default: return {};
    }
}

QVariant CapacityTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section < 0 || section >= columnCount())
            return {};
        if (role == Qt::DisplayRole)
            return m_before.weeks[section];
        if (role == Qt::ToolTipRole)
            return tr("%1 – %2").arg(QLocale().toString(m_before.weekFirstDays[section], QLocale::ShortFormat),
                                     QLocale().toString(m_before.weekLastDays[section], QLocale::ShortFormat));
        return {};
    }
    if (section < 0 || section >= rowCount() || role != Qt::DisplayRole)
        return {};
    if (isTotalRow(section))
        return tr("Total");
    const QString name = m_before.territoryNames[section];
    return name.isEmpty() ? tr("(no territory)") : name;
}

} // namespace fieldops
