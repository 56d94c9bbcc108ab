#include "workorders/WorkOrderForm.h"

#include "common/ProblemText.h"
#include "domain/SignalColours.h"
#include "domain/Vocabulary.h"
#include "domain/VocabularyText.h"
#include "itemmodels/WorkOrderTableModel.h"
#include "parts/PartsText.h"
#include "workorders/WorkOrderFormModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QVBoxLayout>

namespace fieldops::widgets {

using workorders::WorkOrderFormModel;

WorkOrderForm::WorkOrderForm(WorkOrderFormModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *outer = new QVBoxLayout(this);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();
    outer->addWidget(m_readOnlyNote);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);

    m_customer = new TypeAheadField(this);
    m_customer->setObjectName(QStringLiteral("customerField"));
    m_customer->setPlaceholderText(tr("Name, phone, email or id"));
    m_customerNote = new QLabel(this);
    m_customerNote->hide();
    auto *customerBox = new QWidget(this);
    auto *customerLayout = new QVBoxLayout(customerBox);
    customerLayout->setContentsMargins(0, 0, 0, 0);
    customerLayout->addWidget(m_customer);
    customerLayout->addWidget(m_customerNote);
    addField(form, tr("&Customer:"), customerBox, QStringLiteral("customer_id"));

    m_site = new QComboBox(this);
    m_site->setObjectName(QStringLiteral("siteField"));
    addField(form, tr("&Site:"), m_site, QStringLiteral("site_id"));

    m_asset = new QComboBox(this);
    m_asset->setObjectName(QStringLiteral("assetField"));
    m_warranty = new QLabel(this);
    auto *assetBox = new QWidget(this);
    auto *assetLayout = new QHBoxLayout(assetBox);
    assetLayout->setContentsMargins(0, 0, 0, 0);
    assetLayout->addWidget(m_asset, 1);
    assetLayout->addWidget(m_warranty);
    // A repair on an asset under warranty: said where the dispatcher cannot miss it.
    m_warrantyNote = new QLabel(this);
    m_warrantyNote->setObjectName(QStringLiteral("warrantyNote"));
    m_warrantyNote->setStyleSheet(QStringLiteral("color: %1; font-weight: bold;").arg(colours::css(colours::warning())));
    m_warrantyNote->hide();
    auto *assetColumn = new QWidget(this);
    auto *assetColumnLayout = new QVBoxLayout(assetColumn);
    assetColumnLayout->setContentsMargins(0, 0, 0, 0);
    assetColumnLayout->setSpacing(2);
    assetColumnLayout->addWidget(assetBox);
    assetColumnLayout->addWidget(m_warrantyNote);
    addField(form, tr("&Asset:"), assetColumn, QStringLiteral("asset_id"));

    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("typeField"));
    for (const QString &t : vocabulary::workOrderTypes())
        m_type->addItem(vocabulary::workOrderTypeText(t), t);
    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("priorityField"));
    for (int p = 1; p <= 4; ++p)
        m_priority->addItem(WorkOrderTableModel::priorityText(p), p);
    auto *kindBox = new QWidget(this);
    auto *kindLayout = new QHBoxLayout(kindBox);
    kindLayout->setContentsMargins(0, 0, 0, 0);
    kindLayout->addWidget(m_type, 1);
    kindLayout->addWidget(new QLabel(tr("Priority:"), this));
    kindLayout->addWidget(m_priority, 1);
    addField(form, tr("&Type:"), kindBox, QStringLiteral("type"));
    m_issueLabels.insert(QStringLiteral("priority"), m_issueLabels.value(QStringLiteral("type")));

    m_summary = new QLineEdit(this);
    m_summary->setObjectName(QStringLiteral("summaryField"));
    m_summary->setPlaceholderText(tr("What the customer reported, in a few words"));
    addField(form, tr("S&ummary:"), m_summary, QStringLiteral("summary"));

    m_description = new QPlainTextEdit(this);
    m_description->setObjectName(QStringLiteral("descriptionField"));
    m_description->setTabChangesFocus(true);
    m_description->setFixedHeight(m_description->fontMetrics().lineSpacing() * 4 + 12);
    addField(form, tr("&Description:"), m_description, QStringLiteral("description"));

    m_skills = new QListWidget(this);
    m_skills->setObjectName(QStringLiteral("skillsField"));
    m_skills->setFlow(QListView::LeftToRight);
    m_skills->setWrapping(true);
    m_skills->setFixedHeight(m_skills->fontMetrics().lineSpacing() * 3 + 12);
    addField(form, tr("Required s&kills:"), m_skills, QStringLiteral("required_skills"));

    m_parts = new QLineEdit(this);
    m_parts->setObjectName(QStringLiteral("partsField"));
    m_parts->setPlaceholderText(tr("e.g. 2 × FLT-100, BELT-3"));
    m_parts->setToolTip(tr("The parts the technician must bring: the board and the suggestions compare them with the technicians' vans."));
    addField(form, tr("Parts &needed:"), m_parts, QStringLiteral("parts_needed"));

    m_duration = new QSpinBox(this);
    m_duration->setObjectName(QStringLiteral("durationField"));
    m_duration->setRange(0, 7 * 24 * 60 + 1);
    m_duration->setSingleStep(15);
    m_duration->setSuffix(tr(" min"));
    addField(form, tr("Estimated d&uration:"), m_duration, QStringLiteral("duration_min"));

    m_hasWindow = new QCheckBox(tr("Only between"), this);
    m_hasWindow->setObjectName(QStringLiteral("windowField"));
    m_windowStart = new QDateTimeEdit(this);
    m_windowEnd = new QDateTimeEdit(this);
    m_windowStart->setObjectName(QStringLiteral("windowStartField"));
    m_windowEnd->setObjectName(QStringLiteral("windowEndField"));
    for (QDateTimeEdit *e : {m_windowStart, m_windowEnd}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    auto *windowBox = new QWidget(this);
    auto *windowLayout = new QHBoxLayout(windowBox);
    windowLayout->setContentsMargins(0, 0, 0, 0);
    windowLayout->addWidget(m_hasWindow);
    windowLayout->addWidget(m_windowStart, 1);
    windowLayout->addWidget(new QLabel(tr("and"), this));
    windowLayout->addWidget(m_windowEnd, 1);
    addField(form, tr("Customer's &window:"), windowBox, QStringLiteral("window_end"));

    m_slaAuto = new QCheckBox(tr("From the contract"), this);
    m_slaAuto->setObjectName(QStringLiteral("slaAutoField"));
    m_slaDue = new QDateTimeEdit(this);
    m_slaDue->setObjectName(QStringLiteral("slaDueField"));
    m_slaDue->setCalendarPopup(true);
    m_slaDue->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
    m_slaRule = new QLabel(this);
    m_slaRule->setObjectName(QStringLiteral("slaRule"));
    m_slaRule->setWordWrap(true);
    auto *slaBox = new QWidget(this);
    auto *slaLayout = new QVBoxLayout(slaBox);
    slaLayout->setContentsMargins(0, 0, 0, 0);
    auto *slaRow = new QHBoxLayout;
    slaRow->addWidget(m_slaDue, 1);
    slaRow->addWidget(m_slaAuto);
    slaLayout->addLayout(slaRow);
    slaLayout->addWidget(m_slaRule);
    addField(form, tr("SLA &due:"), slaBox, QStringLiteral("sla_due"));

    m_duplicates = new QLabel(this);
    m_duplicates->setObjectName(QStringLiteral("duplicatesNote"));
    m_duplicates->setWordWrap(true);
    m_duplicates->setTextFormat(Qt::RichText);
    m_duplicates->hide();
    outer->addWidget(m_duplicates);
    outer->addStretch(1);

    // Widgets → model.
    connect(m_customer, &TypeAheadField::queryChanged, this, [this](const QString &text) {
        if (m_search)
            m_customer->setSuggestions(m_search(text));
    });
    connect(m_customer, &TypeAheadField::chosen, this, &WorkOrderForm::customerChosen);
    // Typing over the chosen customer un-chooses them (and their sites) until one is picked.
    connect(m_customer, &TypeAheadField::cleared, this, [this] { m_model->setCustomer(QString(), QString(), {}); });
    connect(m_site, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            m_model->setSite(m_site->currentData().toString());
    });
    connect(m_asset, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            m_model->setAsset(m_asset->currentData().toString());
    });
    connect(m_type, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            m_model->setType(m_type->currentData().toString());
    });
    connect(m_priority, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            m_model->setPriority(m_priority->currentData().toInt());
    });
    connect(m_summary, &QLineEdit::textEdited, m_model, &WorkOrderFormModel::setSummary);
    connect(m_parts, &QLineEdit::textEdited, m_model, &WorkOrderFormModel::setPartsText);
    connect(m_description, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_refreshing)
            m_model->setDescription(m_description->toPlainText());
    });
    connect(m_skills, &QListWidget::itemChanged, this, [this] {
        if (!m_refreshing)
            emitSkills();
    });
    connect(m_duration, &QSpinBox::valueChanged, this, [this](int v) {
        if (!m_refreshing)
            m_model->setDurationMin(v);
    });
    connect(m_hasWindow, &QCheckBox::toggled, this, [this] {
        if (!m_refreshing)
            emitWindow();
    });
    for (QDateTimeEdit *e : {m_windowStart, m_windowEnd})
        connect(e, &QDateTimeEdit::dateTimeChanged, this, [this] {
            if (!m_refreshing)
                emitWindow();
        });
    connect(m_slaAuto, &QCheckBox::toggled, this, [this](bool automatic) {
        if (!m_refreshing)
            m_model->setSlaDueOverride(automatic ? QDateTime() : m_slaDue->dateTime());
    });
    connect(m_slaDue, &QDateTimeEdit::dateTimeChanged, this, [this](const QDateTime &t) {
        if (!m_refreshing)
            m_model->setSlaDueOverride(t);
    });
    connect(m_duplicates, &QLabel::linkActivated, this, &WorkOrderForm::openWorkOrderRequested);

    connect(m_model, &WorkOrderFormModel::changed, this, &WorkOrderForm::refresh);
    refresh();
}

void WorkOrderForm::addField(QFormLayout *layout, const QString &label, QWidget *field, const QString &column)
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    QLabel *issue = makeProblemLabel(column + QStringLiteral("Issue"), box);
    v->addWidget(issue);
    auto *l = new QLabel(label, this);
    l->setBuddy(field);
    layout->addRow(l, box);
    m_issueLabels.insert(column, issue);
}

void WorkOrderForm::emitWindow()
{
    if (m_hasWindow->isChecked())
        m_model->setWindow(m_windowStart->dateTime(), m_windowEnd->dateTime());
    else
        m_model->setWindow({}, {});
}

void WorkOrderForm::emitSkills()
{
    QStringList codes;
    for (int i = 0; i < m_skills->count(); ++i)
        if (m_skills->item(i)->checkState() == Qt::Checked)
            codes << m_skills->item(i)->data(Qt::UserRole).toString();
    m_model->setRequiredSkills(codes);
}

void WorkOrderForm::setCustomerNote(const QString &note)
{
    m_customerNote->setText(note);
    m_customerNote->setVisible(!note.isEmpty());
}

void WorkOrderForm::setDuplicates(const QVector<workorders::PossibleDuplicate> &duplicates)
{
    if (duplicates.isEmpty()) {
        m_duplicates->hide();
        return;
    }
    QStringList lines;
    for (const auto &d : duplicates)
        lines << tr("<a href=\"%1\">%1</a> %2 (%3, opened %4)")
                     .arg(d.id.toHtmlEscaped(), d.summary.toHtmlEscaped(), vocabulary::workOrderStatusText(d.status),
                          QLocale().toString(d.createdAt.toLocalTime(), QLocale::ShortFormat));
    m_duplicates->setText(tr("<b>Possibly reported already</b> — open work on this site:<br>%1").arg(lines.join(QStringLiteral("<br>"))));
    m_duplicates->show();
}

void WorkOrderForm::setReadOnly(bool readOnly, const QString &why)
{
    for (QWidget *w : findChildren<QWidget *>())
        if (w != m_readOnlyNote && w != m_duplicates && !qobject_cast<QLabel *>(w))
            w->setEnabled(!readOnly);
    m_readOnlyNote->setText(why);
    m_readOnlyNote->setVisible(readOnly && !why.isEmpty());
}

void WorkOrderForm::refresh()
{
    m_refreshing = true;
    const workorders::WorkOrderDraft &d = m_model->draft();
    const workorders::CustomerFile &file = m_model->customerFile();
    if (!d.customerId.isEmpty() && m_customer->chosenId() != d.customerId)
        m_customer->setChosen(d.customerId, m_model->customerName());

    // Sites and assets come from the customer's file; rebuilt only when it changed.
    const QString siteKey = file.customerId;
    if (m_site->property("customer").toString() != siteKey || m_site->count() != file.sites.size() + 1) {
        m_site->clear();
        m_site->addItem(file.sites.isEmpty() ? tr("(choose the customer first)") : tr("(choose a site)"), QString());
        for (const Site &s : file.sites)
            m_site->addItem(s.address.isEmpty() ? s.name : QStringLiteral("%1 — %2").arg(s.name, s.address), s.id);
        m_site->setProperty("customer", siteKey);
    }
    m_site->setCurrentIndex(std::max(0, m_site->findData(d.siteId)));
    m_asset->clear();
    m_asset->addItem(tr("(no particular asset)"), QString());
    for (const Asset &a : file.assets)
        if (a.siteId == d.siteId)
            m_asset->addItem(a.serial.isEmpty() ? a.model : QStringLiteral("%1 · %2").arg(a.model, a.serial), a.id);
    m_asset->setCurrentIndex(std::max(0, m_asset->findData(d.assetId)));
    m_warranty->setText(m_model->warrantyText());
    const QString note = m_model->warrantyNote();
    m_warrantyNote->setText(note.isEmpty() ? QString() : tr("%1: a repair may be a warranty claim").arg(note));
    m_warrantyNote->setVisible(!note.isEmpty());

    m_type->setCurrentIndex(std::max(0, m_type->findData(d.type)));
    m_priority->setCurrentIndex(std::max(0, m_priority->findData(d.priority)));
    if (m_summary->text() != d.summary)
        m_summary->setText(d.summary);
    if (m_description->toPlainText() != d.description)
        m_description->setPlainText(d.description);
    {
        // Rewritten only when the draft's parts are other than the text's (another work
        // order loaded), never while the text is half typed.
        QString problem;
        const QString typed = parts::partsText(parts::parsePartsText(m_parts->text(), &problem));
        if (problem.isEmpty() && typed != m_model->partsText())
            m_parts->setText(m_model->partsText());
    }

    if (m_skills->count() != m_model->skillsOffered().size()) {
        m_skills->clear();
        for (const Skill &s : m_model->skillsOffered()) {
            auto *item = new QListWidgetItem(s.name.isEmpty() ? s.code : s.name, m_skills);
            item->setData(Qt::UserRole, s.code);
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        }
    }
    for (int i = 0; i < m_skills->count(); ++i) {
        QListWidgetItem *item = m_skills->item(i);
        item->setCheckState(d.requiredSkills.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
    m_duration->setValue(d.durationMin);

    const bool hasWindow = d.windowStart.isValid() || d.windowEnd.isValid();
    m_hasWindow->setChecked(hasWindow);
    m_windowStart->setEnabled(hasWindow);
    m_windowEnd->setEnabled(hasWindow);
    if (hasWindow) {
        m_windowStart->setDateTime(d.windowStart.toLocalTime());
        m_windowEnd->setDateTime(d.windowEnd.toLocalTime());
    } else {
        // Ready for the user to tick: today's working hours from now.
        const QDateTime start = d.createdAt.toLocalTime();
        m_windowStart->setDateTime(start);
        m_windowEnd->setDateTime(start.addSecs(4 * 3600));
    }
    m_slaAuto->setChecked(!m_model->slaOverridden());
    m_slaDue->setDateTime(d.slaDue.toLocalTime());
    QString rule = m_model->slaOverridden() ? tr("Typed over; the contract says: %1").arg(m_model->slaQuote().rule) : m_model->slaQuote().rule;
    if (m_model->slaQuote().responseDue.isValid() && m_model->slaQuote().responseDue != m_model->slaQuote().due)
        rule += QLatin1Char('\n') + tr("Respond by %1").arg(QLocale().toString(m_model->slaQuote().responseDue.toLocalTime(), QLocale::ShortFormat));
    m_slaRule->setText(rule);

    for (auto it = m_issueLabels.begin(); it != m_issueLabels.end(); ++it) {
        QString message = m_model->issue(it.key());
        if (it.key() == QLatin1String("type") && message.isEmpty())
            message = m_model->issue(QStringLiteral("priority"));
        if (it.key() == QLatin1String("priority"))
            continue;
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    // "window_start" problems (none today) would show with the window's.
    m_refreshing = false;
}

} // namespace fieldops::widgets
