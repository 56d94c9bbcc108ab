#include "inspector/WorkOrderInspector.h"

#include "audit/AuditHistoryFilter.h"
#include "domain/VocabularyText.h"
#include "itemmodels/DisplayFormat.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "repositories/WorkOrderStoryPage.h"

#include <algorithm>

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {
QString when(const QDateTime &t)
{
    return display::instant(t);
}

QString dash(const QString &s) { return s.isEmpty() ? QStringLiteral("—") : s; }

QString signedNotes(const AppointmentSummary &s)
{
    QStringList lines;
    if (!s.outcomeNotes.isEmpty())
        lines << s.outcomeNotes;
    if (!s.signedBy.isEmpty())
        lines << WorkOrderInspector::tr("Signed by %1").arg(s.signedBy);
    return lines.join(QLatin1Char('\n'));
}

QString minutesText(qint64 minutes)
{
    return minutes >= 60 ? WorkOrderInspector::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60)
                         : WorkOrderInspector::tr("%1 min").arg(minutes);
}

QString quantityText(double q) { return QLocale().toString(q, 'g', 6); }

QString spanText(int minutes)
{
    if (minutes < 60)
        return WorkOrderInspector::tr("%1 min").arg(minutes);
    if (minutes % 60 == 0)
        return WorkOrderInspector::tr("%1 h").arg(minutes / 60);
    return WorkOrderInspector::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// The estimate, and how long such visits really took (scheduling::DurationModel).
QString durationText(const WorkOrderDetails &d)
{
    const scheduling::DurationPrediction &p = d.duration;
    const int estimate = d.order.durationMin;
    if (!p.fromHistory)
        return WorkOrderInspector::tr("Estimate %1; too little history to predict (completed visits of this type: %2, %3 needed)")
            .arg(spanText(estimate))
            .arg(p.typeVisits)
            .arg(scheduling::DurationModel::kMinTypeVisits);
    QString text = WorkOrderInspector::tr("Predicted %1 (%2 – %3); estimate %4")
                       .arg(spanText(p.minutes), spanText(p.lowMin), spanText(p.highMin), spanText(estimate));
    QStringList basis;
    if (d.asset && !d.asset->model.trimmed().isEmpty())
        basis << WorkOrderInspector::tr("on this model: %1").arg(p.modelVisits);
    if (!d.durationTechnicianName.isEmpty())
        basis << WorkOrderInspector::tr("by %1: %2").arg(d.durationTechnicianName).arg(p.technicianVisits);
    text += QLatin1Char('\n') + (basis.isEmpty() ? WorkOrderInspector::tr("Completed visits of this type: %1").arg(p.typeVisits)
                                                 : WorkOrderInspector::tr("Completed visits of this type: %1 (%2)")
                                                       .arg(p.typeVisits)
                                                       .arg(basis.join(QStringLiteral(", "))));
    return text;
}

// The job's story under its visits: time booked, parts used, ratings, and what remains.
QString storyText(const WorkOrderDetails &d)
{
    QStringList parts;
    const WorkOrderStory &story = d.story;
    if (!story.time.empty()) {
        QStringList lines;
        for (const TimeBooked &t : story.time)
            lines << WorkOrderInspector::tr("%1, %2: %3").arg(t.technicianName.toHtmlEscaped(),
                                                           t.activity.isEmpty() ? WorkOrderInspector::tr("time") : t.activity.toHtmlEscaped(),
                                                           minutesText(t.minutes));
        const TimeBooked total = totalTime(story);
        QString head = WorkOrderInspector::tr("<b>Time booked</b> %1, billable %2").arg(minutesText(total.minutes), minutesText(total.billableMinutes));
        if (total.pendingMinutes > 0)
            head += WorkOrderInspector::tr(" (%1 not reviewed yet)").arg(minutesText(total.pendingMinutes));
        parts << head + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
    }
    if (!story.parts.empty()) {
        QStringList lines;
        for (const PartUsedLine &p : story.parts)
            lines << WorkOrderInspector::tr("%1 × %2 (%3) from %4 on visit %5")
                         .arg(quantityText(p.quantity), p.name.toHtmlEscaped(), p.sku.toHtmlEscaped(), p.location.toHtmlEscaped(),
                              p.appointmentId.toHtmlEscaped());
        parts << WorkOrderInspector::tr("<b>Parts used</b>") + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
    }
    for (const Rating &r : story.ratings) {
        QString line = WorkOrderInspector::tr("<b>Rating</b> %1 of 5").arg(r.score);
        if (!r.comment.isEmpty())
            line += QStringLiteral(" · “%1”").arg(r.comment.toHtmlEscaped());
        parts << line;
    }
    if (!story.notices.empty()) {
        QStringList lines;
        for (const NoticeLine &n : story.notices) {
            const QString state = n.readAt.isValid()        ? WorkOrderInspector::tr("read %1").arg(when(n.readAt))
                                  : n.deliveredAt.isValid() ? WorkOrderInspector::tr("delivered %1").arg(when(n.deliveredAt))
                                                            : WorkOrderInspector::tr("not delivered yet");
            lines << WorkOrderInspector::tr("%1 to %2: %3 (%4)").arg(when(n.createdAt), n.technicianName.toHtmlEscaped(), n.body.toHtmlEscaped(), state);
        }
        parts << WorkOrderInspector::tr("<b>Notices to the technicians</b>") + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>"));
    }
    // What remains: the last finished visit left the job unresolved.
    if (const AppointmentSummary *last = visitLeavingJobOpen(d)) {
        QString line = WorkOrderInspector::tr("<b>Remains</b> %1").arg(visitOutcomeText(*last).toHtmlEscaped());
        if (!last->outcomeNotes.isEmpty())
            line += QStringLiteral(" · ") + last->outcomeNotes.toHtmlEscaped();
        parts << line;
    }
    return parts.join(QStringLiteral("<br><br>"));
}

QString slaText(const WorkOrder &w)
{
    if (!w.slaDue.isValid())
        return WorkOrderInspector::tr("no SLA");
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool finished = w.status == QLatin1String("done") || w.status == QLatin1String("cancelled");
    const qint64 mins = now.secsTo(w.slaDue) / 60;
    QString rel;
    if (finished)
        rel = QString();
    else if (mins < 0)
        rel = WorkOrderInspector::tr(" (breached %1 h %2 min ago)").arg(-mins / 60).arg(-mins % 60);
    else
        rel = WorkOrderInspector::tr(" (in %1 h %2 min)").arg(mins / 60).arg(mins % 60);
    return when(w.slaDue) + rel;
}
} // namespace

WorkOrderInspector::WorkOrderInspector(QWidget *parent) : QWidget(parent)
{
    m_stack = new QStackedWidget(this);
    auto *placeholder = new QLabel(tr("Select a work order in the table, the queue or the alerts to see its details."), this);
    placeholder->setObjectName(QStringLiteral("inspectorPlaceholder"));
    placeholder->setWordWrap(true);
    placeholder->setAlignment(Qt::AlignCenter);
    placeholder->setEnabled(false);
    placeholder->setMargin(12);
    m_stack->addWidget(placeholder);

    auto *page = new QWidget;
    m_title = new QLabel(page);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_title->setFont(f);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary = new QLabel(page);
    m_summary->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    addField(form, QStringLiteral("status"), tr("Status:"));
    addField(form, QStringLiteral("customer"), tr("Customer:"));
    addField(form, QStringLiteral("site"), tr("Site:"));
    addField(form, QStringLiteral("asset"), tr("Asset:"));
    addField(form, QStringLiteral("contract"), tr("Contract:"));
    addField(form, QStringLiteral("skills"), tr("Skills:"));
    addField(form, QStringLiteral("parts"), tr("Parts:"));
    //: The customer's time window for the visit (when the technician may come), not a window on screen.
    addField(form, QStringLiteral("window"), tr("Window:"));
    addField(form, QStringLiteral("response"), tr("Respond by:"));
    addField(form, QStringLiteral("sla"), tr("SLA due:"));
    addField(form, QStringLiteral("duration"), tr("Duration:"));
    addField(form, QStringLiteral("created"), tr("Created:"));

    m_appointments = new QTreeWidget(page);
    m_appointments->setObjectName(QStringLiteral("inspectorAppointments"));
    m_appointments->setRootIsDecorated(false);
    //: Columns of the visits list: when the technician arrived and left, and how the visit ended.
    m_appointments->setHeaderLabels({tr("Technician"), tr("Start"), tr("End"), tr("Status"), tr("Arrived"), tr("Left"), tr("Outcome")});
    m_appointments->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_appointments->setUniformRowHeights(true);
    m_appointments->header()->setStretchLastSection(true);
    m_appointments->setMinimumHeight(90);

    auto *apptTitle = new QLabel(tr("Appointments"), page);
    apptTitle->setFont(f);

    auto *v = new QVBoxLayout(page);
    v->addWidget(m_title);
    m_actionsRow = new QHBoxLayout;
    m_actionsRow->setContentsMargins(0, 0, 0, 0);
    m_actionsRow->addStretch(1);
    v->addLayout(m_actionsRow);
    v->addWidget(m_summary);
    v->addLayout(form);
    v->addSpacing(6);
    v->addWidget(apptTitle);
    v->addWidget(m_appointments);
    m_story = new QLabel(page);
    m_story->setObjectName(QStringLiteral("inspectorStory"));
    m_story->setWordWrap(true);
    m_story->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_story);
    v->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setWidget(page);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("inspectorTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scroll, tr("&Details"));
    m_tabs->addTab(buildHistoryPage(), tr("&History"));
    m_stack->addWidget(m_tabs);

    // Double-clicking a visit opens its history.
    connect(m_appointments, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { showHistoryOf(item->data(0, Qt::UserRole).toString()); });

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);
}

QWidget *WorkOrderInspector::buildHistoryPage()
{
    auto *page = new QWidget;
    m_historyScope = new QComboBox(page);
    m_historyScope->setObjectName(QStringLiteral("inspectorHistoryScope"));
    m_historyScope->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_historyFilter = new AuditHistoryFilter(this);
    m_historyView = new QTableView(page);
    m_historyView->setObjectName(QStringLiteral("inspectorHistory"));
    m_historyView->setModel(m_historyFilter);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->setWordWrap(false);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_historyScope, &QComboBox::currentIndexChanged, this, &WorkOrderInspector::applyHistoryScope);

    auto *scopeLabel = new QLabel(tr("&Show:"), page);
    scopeLabel->setBuddy(m_historyScope);
    auto *bar = new QHBoxLayout;
    bar->addWidget(scopeLabel);
    bar->addWidget(m_historyScope);
    bar->addStretch(1);
    auto *v = new QVBoxLayout(page);
    v->addLayout(bar);
    v->addWidget(m_historyView, 1);
    return page;
}

void WorkOrderInspector::setHistoryModel(QAbstractItemModel *model)
{
    m_historyFilter->setSourceModel(model);
}

void WorkOrderInspector::showHistoryOf(const QString &appointmentId)
{
    const int i = appointmentId.isEmpty() ? 0 : m_historyScope->findData(appointmentId);
    if (i >= 0)
        m_historyScope->setCurrentIndex(i);
    m_tabs->setCurrentIndex(1);
}

void WorkOrderInspector::applyHistoryScope()
{
    const QString scope = m_historyScope->currentData().toString();
    if (scope.isEmpty())
        m_historyFilter->showAll();
    else if (scope == QLatin1String("#work-order"))
        m_historyFilter->showWorkOrderOnly();
    else
        m_historyFilter->showAppointment(scope);
}

QLabel *WorkOrderInspector::addField(QFormLayout *form, const QString &name, const QString &label)
{
    auto *value = new QLabel;
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setObjectName(QStringLiteral("inspector_") + name);
    form->addRow(label, value);
    m_fields.insert(name, value);
    return value;
}

QSize WorkOrderInspector::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(QLatin1Char('x')) * 58, 520};
}

bool WorkOrderInspector::isShowingDetails() const { return m_stack->currentIndex() == 1; }

QString WorkOrderInspector::fieldText(const QString &field) const
{
    if (field == QLatin1String("title"))
        return m_title->text();
    if (field == QLatin1String("summary"))
        return m_summary->text();
    if (field == QLatin1String("story"))
        return m_story->text();
    const QLabel *l = m_fields.value(field);
    return l ? l->text() : QString();
}

void WorkOrderInspector::setDetails(const std::optional<WorkOrderDetails> &details)
{
    if (!details) {
        m_stack->setCurrentIndex(0);
        return;
    }
    const WorkOrderDetails &d = *details;
    const WorkOrder &w = d.order;
    m_title->setText(tr("%1 · %2 · %3").arg(w.id, WorkOrderTableModel::typeText(w.type),
                                            WorkOrderTableModel::priorityText(w.priority)));
    m_summary->setText(w.summary);
    m_summary->setVisible(!w.summary.isEmpty());
    m_fields[QStringLiteral("status")]->setText(WorkOrderTableModel::statusText(w.status));
    QStringList customer{d.customer.name};
    if (!d.customer.phone.isEmpty())
        customer << d.customer.phone;
    if (!d.customer.email.isEmpty())
        customer << d.customer.email;
    m_fields[QStringLiteral("customer")]->setText(customer.join(QStringLiteral(" · ")));
    QStringList site{d.site.name.isEmpty() ? d.site.id : d.site.name};
    if (!d.site.address.isEmpty())
        site << d.site.address;
    site << d.site.timeZone;
    m_fields[QStringLiteral("site")]->setText(site.join(QLatin1Char('\n')));
    if (d.asset) {
        QString asset = tr("%1 (serial %2)").arg(dash(d.asset->model), dash(d.asset->serial));
        if (d.asset->warrantyUntil.isValid())
            asset += QLatin1Char('\n') + tr("warranty until %1").arg(QLocale().toString(d.asset->warrantyUntil, QLocale::ShortFormat));
        if (!d.warrantyNote.isEmpty())
            asset += QLatin1Char('\n') + tr("%1: a repair may be a warranty claim").arg(d.warrantyNote);
        m_fields[QStringLiteral("asset")]->setText(asset);
    } else {
        m_fields[QStringLiteral("asset")]->setText(dash({}));
    }
    m_fields[QStringLiteral("contract")]->setText(dash(d.contractName));
    m_fields[QStringLiteral("skills")]->setText(dash(w.requiredSkills.join(QStringLiteral(", "))));
    {
        // What the job needs brought, then whose van lacks what of it.
        QStringList needed;
        for (const parts::PartNeed &n : d.partsNeeded)
            needed << tr("%1 × %2 (%3)").arg(parts::quantityText(n.quantity), n.sku, n.name);
        QStringList lines{dash(needed.join(QStringLiteral(", ")))};
        for (const VanShortageNote &v : d.vanShortages)
            lines << tr("Van of %1 lacks %2").arg(v.technicianName.isEmpty() ? v.technicianId : v.technicianName, v.lacks);
        m_fields[QStringLiteral("parts")]->setText(lines.join(QLatin1Char('\n')));
    }
    m_fields[QStringLiteral("window")]->setText(w.windowStart.isValid() || w.windowEnd.isValid()
                                                    ? tr("%1 – %2").arg(dash(when(w.windowStart)), dash(when(w.windowEnd)))
                                                    : tr("any time"));
    m_fields[QStringLiteral("response")]->setText(d.responseDue.isValid() ? when(d.responseDue) : dash({}));
    // The rule beside the time, so a dispatcher sees why it falls due then.
    m_fields[QStringLiteral("sla")]->setText(d.slaRule.isEmpty() ? slaText(w) : slaText(w) + QLatin1Char('\n') + d.slaRule);
    m_fields[QStringLiteral("duration")]->setText(durationText(d));
    m_fields[QStringLiteral("created")]->setText(when(w.createdAt));

    m_appointments->clear();
    for (const AppointmentSummary &s : d.appointments) {
        auto *item = new QTreeWidgetItem(m_appointments);
        item->setText(0, s.technicianName);
        item->setText(1, when(s.appointment.start));
        item->setText(2, when(s.appointment.end));
        item->setText(3, vocabulary::appointmentStatusText(s.appointment.status));
        item->setText(4, when(s.appointment.arrivedAt));
        item->setText(5, when(s.departedAt));
        item->setText(6, visitOutcomeText(s));
        if (!s.outcomeNotes.isEmpty() || !s.signedBy.isEmpty())
            item->setToolTip(6, signedNotes(s));
        item->setData(0, Qt::UserRole, s.appointment.id);
    }
    for (int c = 0; c < 6; ++c)
        m_appointments->resizeColumnToContents(c);
    m_story->setText(storyText(d));

    // The history's scopes follow the visits; the chosen one stays when it still exists.
    const QString keep = m_historyScope->currentData().toString();
    {
        const QSignalBlocker block(m_historyScope);
        m_historyScope->clear();
        m_historyScope->addItem(tr("Work order and its visits"), QString());
        m_historyScope->addItem(tr("Work order only"), QStringLiteral("#work-order"));
        for (const AppointmentSummary &s : d.appointments)
            m_historyScope->addItem(tr("Visit %1 · %2 · %3").arg(s.appointment.id, s.technicianName, when(s.appointment.start)),
                                    s.appointment.id);
        m_historyScope->setCurrentIndex(std::max(0, m_historyScope->findData(keep)));
    }
    applyHistoryScope();
    m_stack->setCurrentIndex(1);
}

QString WorkOrderInspector::selectedAppointmentId() const
{
    const QTreeWidgetItem *item = m_appointments->currentItem();
    return item && item->isSelected() ? item->data(0, Qt::UserRole).toString() : QString();
}

void WorkOrderInspector::setVisitActions(const QList<QAction *> &actions) { m_appointments->addActions(actions); }

void WorkOrderInspector::setActions(const QList<QAction *> &actions)
{
    for (QAction *a : actions) {
        auto *button = new QToolButton(this);
        button->setDefaultAction(a);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_actionsRow->insertWidget(m_actionsRow->count() - 1, button);
    }
}

} // namespace fieldops::widgets
