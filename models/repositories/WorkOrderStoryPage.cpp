#include "repositories/WorkOrderStoryPage.h"

#include "domain/VocabularyText.h"
#include "itemmodels/DisplayFormat.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "parts/Stock.h"
#include "util/HtmlReport.h"

#include <QCoreApplication>
#include <QLocale>
#include <algorithm>

namespace fieldops {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(WorkOrderStoryPage)
};

using html::cell;
using html::esc;

QString when(const QDateTime &t) { return t.isValid() ? display::instant(t) : QString(); }

QString minutesText(qint64 minutes)
{
    return minutes >= 60 ? Text::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'))
                         : Text::tr("%1 min").arg(minutes);
}

QString section(const QString &title, const QString &body) { return QStringLiteral("<h2>%1</h2>").arg(esc(title)) + body; }

QString paragraph(const QString &text) { return QStringLiteral("<p>%1</p>").arg(esc(text)); }

QString linkedText(const LinkedOrder &o)
{
    return Text::tr("%1 (%2): %3").arg(o.id, WorkOrderTableModel::statusText(o.status), o.summary);
}

QString headerTable(const WorkOrderDetails &d)
{
    const WorkOrder &w = d.order;
    QString rows;
    const auto row = [&rows](const QString &label, const QString &value) {
        if (!value.isEmpty())
            rows += QStringLiteral("<tr><td width=\"22%\"><b>%1</b></td>").arg(esc(label)) + cell(value) + QStringLiteral("</tr>");
    };
    row(Text::tr("Status"), WorkOrderTableModel::statusText(w.status));
    QStringList customer{d.customer.name};
    if (!d.customer.phone.isEmpty())
        customer << d.customer.phone;
    if (!d.customer.email.isEmpty())
        customer << d.customer.email;
    row(Text::tr("Customer"), customer.join(QStringLiteral(" · ")));
    QStringList site{d.site.name.isEmpty() ? d.site.id : d.site.name};
    if (!d.site.address.isEmpty())
        site << d.site.address;
    row(Text::tr("Site"), site.join(QStringLiteral(", ")));
    if (d.asset)
        row(Text::tr("Asset"), Text::tr("%1 (serial %2)").arg(d.asset->model, d.asset->serial));
    row(Text::tr("Contract"), d.contractName);
    row(Text::tr("Skills"), w.requiredSkills.join(QStringLiteral(", ")));
    row(Text::tr("Reported"), when(w.createdAt));
    row(Text::tr("SLA due"), when(w.slaDue));
    if (d.story.followUpOf)
        row(Text::tr("Return visit of"), linkedText(*d.story.followUpOf));
    QStringList followUps;
    for (const LinkedOrder &o : d.story.followUps)
        followUps << linkedText(o);
    row(Text::tr("Return visits"), followUps.join(QStringLiteral("; ")));
    return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"2\">") + rows + QStringLiteral("</table>");
}

QString visitsTable(const WorkOrderDetails &d)
{
    if (d.appointments.empty())
        return paragraph(Text::tr("No visit booked yet."));
    QString rows;
    for (const AppointmentSummary &s : d.appointments) {
        QStringList notes;
        if (!s.outcomeNotes.isEmpty())
            notes << s.outcomeNotes;
        if (!s.signedBy.isEmpty())
            notes << Text::tr("Signed by %1").arg(s.signedBy);
        rows += QStringLiteral("<tr>") + cell(s.appointment.id) + cell(s.technicianName)
            + cell(Text::tr("%1 – %2").arg(when(s.appointment.start), when(s.appointment.end))) + cell(when(s.appointment.arrivedAt))
            + cell(when(s.departedAt)) + cell(when(s.appointment.completedAt)) + cell(vocabulary::appointmentStatusText(s.appointment.status))
            + cell(visitOutcomeText(s)) + cell(notes.join(QStringLiteral(" · "))) + QStringLiteral("</tr>");
    }
    return html::table({Text::tr("Visit"), Text::tr("Technician"), Text::tr("Planned"), Text::tr("Arrived"), Text::tr("Left"),
                        Text::tr("Completed"), Text::tr("Status"), Text::tr("Outcome"), Text::tr("Notes")},
                       rows);
}

QString timeTable(const WorkOrderStory &story)
{
    if (story.entries.empty())
        return paragraph(Text::tr("No time booked."));
    QString rows;
    for (const TimeEntryLine &e : story.entries)
        rows += QStringLiteral("<tr>") + cell(e.technicianName) + cell(when(e.start)) + cell(when(e.end))
            + cell(e.activity.isEmpty() ? QString() : vocabulary::timeActivityText(e.activity)) + cell(minutesText(e.start.secsTo(e.end) / 60), true)
            + cell(e.billable ? Text::tr("billable") : Text::tr("not billable")) + cell(vocabulary::reviewStateText(e.reviewState))
            + cell(e.comment) + QStringLiteral("</tr>");
    const TimeBooked total = totalTime(story);
    QString sum = Text::tr("Booked %1, of which billable %2").arg(minutesText(total.minutes), minutesText(total.billableMinutes));
    if (total.pendingMinutes > 0)
        sum += Text::tr("; %1 not reviewed yet (not billed until approved)").arg(minutesText(total.pendingMinutes));
    return html::table({Text::tr("Technician"), Text::tr("From"), Text::tr("To"), Text::tr("Activity"), Text::tr("Time"), Text::tr("Billing"),
                        Text::tr("Review"), Text::tr("What was done")},
                       rows)
        + paragraph(sum);
}

QString partsUsedTable(const WorkOrderStory &story)
{
    if (story.parts.empty())
        return paragraph(Text::tr("No parts used."));
    QString rows;
    for (const PartUsedLine &p : story.parts)
        rows += QStringLiteral("<tr>") + cell(p.appointmentId) + cell(p.sku) + cell(p.name) + cell(parts::quantityText(p.quantity), true)
            + cell(p.location) + QStringLiteral("</tr>");
    return html::table({Text::tr("Visit"), Text::tr("Part"), Text::tr("Name"), Text::tr("Quantity"), Text::tr("Taken from")}, rows);
}

QString partsNeededTable(const WorkOrderStory &story)
{
    QString rows;
    for (const PartNeededLine &p : story.partsNeeded)
        rows += QStringLiteral("<tr>") + cell(p.sku) + cell(p.name) + cell(parts::quantityText(p.quantity), true)
            + cell(p.reservedAt.isEmpty() ? Text::tr("not reserved") : p.reservedAt) + QStringLiteral("</tr>");
    return html::table({Text::tr("Part"), Text::tr("Name"), Text::tr("Quantity"), Text::tr("Reserved at")}, rows);
}

QString ratingsText(const WorkOrderStory &story)
{
    QString out;
    for (const Rating &r : story.ratings) {
        QString line = Text::tr("%1 of 5, %2").arg(r.score).arg(when(r.ratedAt));
        if (!r.comment.isEmpty())
            line += QStringLiteral(" · “%1”").arg(r.comment);
        out += paragraph(line);
    }
    return out;
}

QString noticesTable(const WorkOrderStory &story)
{
    QString rows;
    for (const NoticeLine &n : story.notices) {
        const QString state = n.readAt.isValid()        ? Text::tr("read %1").arg(when(n.readAt))
                              : n.deliveredAt.isValid() ? Text::tr("delivered %1").arg(when(n.deliveredAt))
                                                        : Text::tr("not delivered yet");
        rows += QStringLiteral("<tr>") + cell(when(n.createdAt)) + cell(n.technicianName) + cell(n.body) + cell(state) + QStringLiteral("</tr>");
    }
    return html::table({Text::tr("Sent"), Text::tr("To"), Text::tr("Notice"), Text::tr("State")}, rows);
}

QString remainsText(const WorkOrderDetails &d)
{
    const QString status = d.order.status;
    if (status == QLatin1String("done"))
        return Text::tr("Nothing: the job is done.");
    if (status == QLatin1String("cancelled"))
        return d.story.cancelReason.isEmpty() ? Text::tr("Nothing: the job was cancelled.")
                                              : Text::tr("Nothing: the job was cancelled (%1).").arg(d.story.cancelReason);
    QStringList lines;
    if (const AppointmentSummary *last = visitLeavingJobOpen(d))
        lines << (last->outcomeNotes.isEmpty()
                      ? Text::tr("The last visit (%1) ended %2.").arg(last->appointment.id, visitOutcomeText(*last).toLower())
                      : Text::tr("The last visit (%1) ended %2 (“%3”).").arg(last->appointment.id, visitOutcomeText(*last).toLower(), last->outcomeNotes));
    // The return visit is the follow-up's to book when there is one still to be done.
    bool returnElsewhere = false;
    for (const LinkedOrder &o : d.story.followUps)
        if (o.status == QLatin1String("open") || o.status == QLatin1String("scheduled") || o.status == QLatin1String("in_progress")) {
            lines << Text::tr("The return visit is work order %1 (%2).").arg(o.id, WorkOrderTableModel::statusText(o.status));
            returnElsewhere = true;
        }
    const bool booked = std::any_of(d.appointments.begin(), d.appointments.end(), [](const AppointmentSummary &s) {
        const QString &st = s.appointment.status;
        return st != QLatin1String("completed") && st != QLatin1String("cancelled");
    });
    if (booked)
        lines << Text::tr("A visit is booked.");
    else if (!returnElsewhere)
        lines << Text::tr("No visit is booked yet.");
    return lines.join(QLatin1Char(' '));
}

} // namespace

QString visitOutcomeText(const AppointmentSummary &s)
{
    if (s.appointment.status != QLatin1String("completed"))
        return {};
    if (s.appointment.resolved)
        return Text::tr("Resolved");
    return s.outcomeReason.isEmpty() ? Text::tr("Not resolved") : Text::tr("Not resolved: %1").arg(vocabulary::outcomeReasonText(s.outcomeReason));
}

const AppointmentSummary *visitLeavingJobOpen(const WorkOrderDetails &d)
{
    if (d.order.status == QLatin1String("done") || d.order.status == QLatin1String("cancelled"))
        return nullptr;
    const AppointmentSummary *last = nullptr;
    for (const AppointmentSummary &s : d.appointments)
        if (s.appointment.status == QLatin1String("completed") && (!last || s.appointment.completedAt >= last->appointment.completedAt))
            last = &s;
    return last && !last->appointment.resolved ? last : nullptr;
}

QString workOrderStoryHtml(const WorkOrderDetails &d)
{
    const WorkOrder &w = d.order;
    QString page = QStringLiteral("<html><body>");
    page += QStringLiteral("<h1>%1</h1>")
                .arg(esc(Text::tr("%1 · %2 · %3").arg(w.id, WorkOrderTableModel::typeText(w.type), WorkOrderTableModel::priorityText(w.priority))));
    if (!w.summary.isEmpty())
        page += QStringLiteral("<p><b>%1</b></p>").arg(esc(w.summary));
    if (!d.story.description.isEmpty())
        page += paragraph(d.story.description);
    page += headerTable(d);
    page += section(Text::tr("Visits"), visitsTable(d));
    page += section(Text::tr("What was done"), timeTable(d.story));
    page += section(Text::tr("Parts used"), partsUsedTable(d.story));
    if (!d.story.partsNeeded.empty())
        page += section(Text::tr("Parts needed"), partsNeededTable(d.story));
    if (!d.story.ratings.empty())
        page += section(Text::tr("Customer's rating"), ratingsText(d.story));
    if (!d.story.notices.empty())
        page += section(Text::tr("Notices to the technicians"), noticesTable(d.story));
    page += section(Text::tr("What remains"), paragraph(remainsText(d)));
    return page + QStringLiteral("</body></html>");
}

QByteArray workOrderStoryPdf(const WorkOrderDetails &d)
{
    return html::pdf(workOrderStoryHtml(d), Text::tr("Work order %1").arg(d.order.id));
}

} // namespace fieldops
