#include "technicians/TechnicianForm.h"

#include "common/ProblemText.h"
#include "domain/Vocabulary.h"
#include "technicians/TechnicianFormModel.h"
#include "technicians/TechnicianListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fieldops::widgets {

using technicians::TechnicianFormModel;

namespace {

QString dayText(const QString &day)
{
    static const char *const names[] = {QT_TRANSLATE_NOOP("TechnicianForm", "Mon"), QT_TRANSLATE_NOOP("TechnicianForm", "Tue"),
                                        QT_TRANSLATE_NOOP("TechnicianForm", "Wed"), QT_TRANSLATE_NOOP("TechnicianForm", "Thu"),
                                        QT_TRANSLATE_NOOP("TechnicianForm", "Fri"), QT_TRANSLATE_NOOP("TechnicianForm", "Sat"),
                                        QT_TRANSLATE_NOOP("TechnicianForm", "Sun")};
    const qsizetype i = vocabulary::weekDays().indexOf(day);
    return i < 0 ? day : QCoreApplication::translate("TechnicianForm", names[i]);
}
} // namespace

TechnicianForm::TechnicianForm(TechnicianFormModel *model, QWidget *parent) : QWidget(parent), m_model(model)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();
    outer->addWidget(m_readOnlyNote);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("idField"));
    m_id->setPlaceholderText(tr("Like T-042; cannot be changed later"));
    addField(form, tr("&Id:"), m_id, {QStringLiteral("id")});

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameField"));
    addField(form, tr("&Name:"), m_name, {QStringLiteral("name")});

    m_employment = new QComboBox(this);
    m_employment->setObjectName(QStringLiteral("employmentField"));
    for (const QString &e : vocabulary::employmentTypes())
        m_employment->addItem(technicians::TechnicianListModel::employmentText(e), e);
    addField(form, tr("&Employment:"), m_employment, {QStringLiteral("employment")});

    m_skills = new QListWidget(this);
    m_skills->setObjectName(QStringLiteral("skillsField"));
    m_skills->setFlow(QListView::LeftToRight);
    m_skills->setWrapping(true);
    m_skills->setSpacing(2);
    m_skills->setFixedHeight(m_skills->fontMetrics().lineSpacing() * 3 + 16);
    addField(form, tr("S&kills:"), m_skills, {QStringLiteral("skills")});

    m_territory = new QComboBox(this);
    m_territory->setObjectName(QStringLiteral("territoryField"));
    addField(form, tr("&Territory:"), m_territory, {QStringLiteral("territory_id")});

    m_homeLat = new QLineEdit(this);
    m_homeLat->setObjectName(QStringLiteral("homeLatField"));
    m_homeLat->setPlaceholderText(tr("Latitude, like -23.55"));
    m_homeLon = new QLineEdit(this);
    m_homeLon->setObjectName(QStringLiteral("homeLonField"));
    m_homeLon->setPlaceholderText(tr("Longitude, like -46.63"));
    auto *home = new QWidget(this);
    auto *homeLayout = new QHBoxLayout(home);
    homeLayout->setContentsMargins(0, 0, 0, 0);
    homeLayout->addWidget(m_homeLat, 1);
    homeLayout->addWidget(m_homeLon, 1);
    QWidget *homeBox = addField(form, tr("&Home base:"), home, {QStringLiteral("home_lat"), QStringLiteral("home_lon")});
    homeBox->setToolTip(tr("Where the technician starts and ends the day"));

    m_timeZone = new QComboBox(this);
    m_timeZone->setObjectName(QStringLiteral("timeZoneField"));
    m_timeZone->setEditable(true);
    m_timeZone->setInsertPolicy(QComboBox::NoInsert);
    QStringList zones;
    for (const QByteArray &z : QTimeZone::availableTimeZoneIds())
        zones << QString::fromUtf8(z);
    if (!zones.contains(QStringLiteral("UTC")))
        zones.prepend(QStringLiteral("UTC"));
    m_timeZone->addItems(zones);
    m_timeZone->completer()->setFilterMode(Qt::MatchContains);
    m_timeZone->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    addField(form, tr("Time &zone:"), m_timeZone, {QStringLiteral("time_zone")});

    m_shiftStart = new QLineEdit(this);
    m_shiftStart->setObjectName(QStringLiteral("shiftStartField"));
    m_shiftEnd = new QLineEdit(this);
    m_shiftEnd->setObjectName(QStringLiteral("shiftEndField"));
    for (QLineEdit *e : {m_shiftStart, m_shiftEnd}) {
        e->setPlaceholderText(tr("HH:MM"));
        e->setMaximumWidth(e->fontMetrics().horizontalAdvance(QStringLiteral("00:00")) * 2);
    }
    auto *shift = new QWidget(this);
    auto *shiftLayout = new QHBoxLayout(shift);
    shiftLayout->setContentsMargins(0, 0, 0, 0);
    shiftLayout->addWidget(m_shiftStart);
    shiftLayout->addWidget(new QLabel(tr("to"), this));
    shiftLayout->addWidget(m_shiftEnd);
    shiftLayout->addStretch(1);
    addField(form, tr("&Shift:"), shift, {QStringLiteral("shift_start"), QStringLiteral("shift_end")});

    auto *days = new QWidget(this);
    auto *daysLayout = new QHBoxLayout(days);
    daysLayout->setContentsMargins(0, 0, 0, 0);
    for (const QString &d : vocabulary::weekDays()) {
        auto *box = new QCheckBox(dayText(d), this);
        box->setObjectName(QStringLiteral("workDay") + d);
        box->setProperty("day", d);
        m_days << box;
        daysLayout->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this] {
            if (!m_refreshing)
                emitWorkDays();
        });
    }
    daysLayout->addStretch(1);
    addField(form, tr("Working &days:"), days, {QStringLiteral("work_days")});

    m_hourlyCost = new QLineEdit(this);
    m_hourlyCost->setObjectName(QStringLiteral("hourlyCostField"));
    m_hourlyCost->setPlaceholderText(tr("Empty when not known"));
    addField(form, tr("Hourly &cost:"), m_hourlyCost, {QStringLiteral("hourly_cost")});

    m_active = new QCheckBox(tr("Active: gets new work"), this);
    m_active->setObjectName(QStringLiteral("activeField"));
    addField(form, QString(), m_active, {QStringLiteral("active")});

    // Widgets → model.
    connect(m_id, &QLineEdit::textEdited, m_model, &TechnicianFormModel::setId);
    connect(m_name, &QLineEdit::textEdited, m_model, &TechnicianFormModel::setName);
    connect(m_homeLat, &QLineEdit::textEdited, m_model, &TechnicianFormModel::setHomeLat);
    connect(m_homeLon, &QLineEdit::textEdited, m_model, &TechnicianFormModel::setHomeLon);
    connect(m_shiftStart, &QLineEdit::textEdited, m_model, &TechnicianFormModel::setShiftStart);
    connect(m_shiftEnd, &QLineEdit::textEdited, m_model, &TechnicianFormModel::setShiftEnd);
    connect(m_hourlyCost, &QLineEdit::textEdited, m_model, &TechnicianFormModel::setHourlyCost);
    connect(m_employment, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            m_model->setEmployment(m_employment->currentData().toString());
    });
    connect(m_territory, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refreshing)
            m_model->setTerritory(m_territory->currentData().toString());
    });
    connect(m_timeZone, &QComboBox::currentTextChanged, this, [this](const QString &zone) {
        if (!m_refreshing)
            m_model->setTimeZone(zone.trimmed());
    });
    connect(m_skills, &QListWidget::itemChanged, this, [this] {
        if (!m_refreshing)
            emitSkills();
    });
    connect(m_active, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_refreshing)
            m_model->setActive(on);
    });
    connect(m_model, &TechnicianFormModel::changed, this, &TechnicianForm::refresh);
    refresh();
}

QWidget *TechnicianForm::addField(QFormLayout *layout, const QString &label, QWidget *field, const QStringList &columns)
{
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(field);
    for (const QString &column : columns) {
        QLabel *issue = makeProblemLabel(column + QStringLiteral("Issue"), box);
        v->addWidget(issue);
        m_issueLabels.insert(column, issue);
    }
    if (label.isEmpty()) {
        layout->addRow(box);
    } else {
        auto *l = new QLabel(label, this);
        l->setBuddy(field);
        layout->addRow(l, box);
    }
    return box;
}

void TechnicianForm::emitSkills()
{
    QStringList codes;
    for (int i = 0; i < m_skills->count(); ++i)
        if (m_skills->item(i)->checkState() == Qt::Checked)
            codes << m_skills->item(i)->data(Qt::UserRole).toString();
    m_model->setSkills(codes);
}

void TechnicianForm::emitWorkDays()
{
    QStringList days;
    for (QCheckBox *box : std::as_const(m_days))
        if (box->isChecked())
            days << box->property("day").toString();
    m_model->setWorkDays(days);
}

void TechnicianForm::setReadOnly(bool readOnly, const QString &why)
{
    m_readOnly = readOnly;
    for (QWidget *w : findChildren<QWidget *>())
        if (w != m_readOnlyNote && !qobject_cast<QLabel *>(w) && w->parentWidget() != m_readOnlyNote)
            w->setEnabled(!readOnly);
    m_readOnlyNote->setText(why);
    m_readOnlyNote->setVisible(readOnly && !why.isEmpty());
    refresh();
}

void TechnicianForm::refresh()
{
    m_refreshing = true;
    const technicians::TechnicianDraft &d = m_model->draft();
    const technicians::TechnicianCatalog &catalog = m_model->catalog();
    if (m_id->text() != d.id)
        m_id->setText(d.id);
    // The id names the technician everywhere: chosen once.
    m_id->setReadOnly(!m_model->isNew());
    m_id->setEnabled(!m_readOnly);
    if (m_name->text() != d.name)
        m_name->setText(d.name);
    m_employment->setCurrentIndex(std::max(0, m_employment->findData(d.employment)));

    if (m_skills->count() != catalog.skills.size()) {
        m_skills->clear();
        for (const Skill &s : catalog.skills) {
            auto *item = new QListWidgetItem(s.name.isEmpty() ? s.code : s.name, m_skills);
            item->setData(Qt::UserRole, s.code);
            item->setToolTip(s.code);
            item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled);
        }
    }
    for (int i = 0; i < m_skills->count(); ++i) {
        QListWidgetItem *item = m_skills->item(i);
        item->setCheckState(d.skills.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }

    if (m_territory->count() != catalog.territories.size() + 1) {
        m_territory->clear();
        m_territory->addItem(tr("(no territory)"), QString());
        for (const Territory &t : catalog.territories)
            m_territory->addItem(t.name.isEmpty() ? t.id : t.name, t.id);
    }
    m_territory->setCurrentIndex(std::max(0, m_territory->findData(d.territoryId)));
    if (m_homeLat->text() != d.homeLat)
        m_homeLat->setText(d.homeLat);
    if (m_homeLon->text() != d.homeLon)
        m_homeLon->setText(d.homeLon);
    if (m_timeZone->currentText() != d.timeZone)
        m_timeZone->setEditText(d.timeZone);
    if (m_shiftStart->text() != d.shiftStart)
        m_shiftStart->setText(d.shiftStart);
    if (m_shiftEnd->text() != d.shiftEnd)
        m_shiftEnd->setText(d.shiftEnd);
    for (QCheckBox *box : std::as_const(m_days))
        box->setChecked(d.workDays.contains(box->property("day").toString()));
    if (m_hourlyCost->text() != d.hourlyCost)
        m_hourlyCost->setText(d.hourlyCost);
    m_active->setChecked(d.active);

    for (auto it = m_issueLabels.begin(); it != m_issueLabels.end(); ++it) {
        const QString message = m_model->issue(it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
    }
    m_refreshing = false;
}

} // namespace fieldops::widgets
