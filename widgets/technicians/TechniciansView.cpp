#include "technicians/TechniciansView.h"

#include "common/ProblemText.h"
#include "common/RecordTable.h"
#include "domain/Vocabulary.h"
#include "technicians/AbsenceRules.h"
#include "technicians/TechnicianForm.h"
#include "technicians/TechnicianFormModel.h"
#include "technicians/TechnicianListModel.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fieldops::widgets {

using namespace fieldops::technicians;

TechniciansView::TechniciansView(QWidget *parent)
    : QWidget(parent), m_list(new TechnicianListModel(this)), m_model(new TechnicianFormModel(this))
{
    auto *outer = new QHBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    outer->addWidget(splitter);

    // The list and its filters.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    m_text = new QLineEdit(left);
    m_text->setObjectName(QStringLiteral("technicianTextFilter"));
    m_text->setPlaceholderText(tr("Filter by name or id"));
    m_text->setClearButtonEnabled(true);
    filters->addWidget(m_text, 2);
    m_territory = new QComboBox(left);
    m_territory->setObjectName(QStringLiteral("technicianTerritoryFilter"));
    m_territory->addItem(tr("All territories"), QString());
    filters->addWidget(m_territory, 1);
    m_employment = new QComboBox(left);
    m_employment->setObjectName(QStringLiteral("technicianEmploymentFilter"));
    m_employment->addItem(tr("Any employment"), QString());
    for (const QString &e : vocabulary::employmentTypes())
        m_employment->addItem(TechnicianListModel::employmentText(e), e);
    filters->addWidget(m_employment, 1);
    m_activity = new QComboBox(left);
    m_activity->setObjectName(QStringLiteral("technicianActiveFilter"));
    m_activity->addItem(tr("Active and inactive"), int(TechnicianFilter::Activity::Any));
    m_activity->addItem(tr("Active only"), int(TechnicianFilter::Activity::Active));
    m_activity->addItem(tr("Inactive only"), int(TechnicianFilter::Activity::Inactive));
    filters->addWidget(m_activity, 1);
    // The form beside the list takes its full width; these choices may shorten their
    // text instead, so the tab never makes the window wider than a 1280 px screen.
    for (QComboBox *c : {m_territory, m_employment, m_activity}) {
        c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        c->setMinimumContentsLength(8);
    }
    leftLayout->addLayout(filters);
    m_table = new QTableView(left);
    m_table->setObjectName(QStringLiteral("techniciansTable"));
    m_table->setModel(m_list);
    setUpRecordList(m_table);
    m_table->horizontalHeader()->setSectionResizeMode(TechnicianListModel::Name, QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    leftLayout->addWidget(m_table, 1);
    m_new = new QPushButton(tr("&New technician"), left);
    m_new->setObjectName(QStringLiteral("newTechnicianButton"));
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(m_new);
    leftButtons->addStretch(1);
    leftLayout->addLayout(leftButtons);

    // The technician's page.
    auto *scroll = new QScrollArea(splitter);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *right = new QWidget;
    scroll->setWidget(right);
    auto *rightLayout = new QVBoxLayout(right);
    m_placeholder = new QLabel(tr("Choose a technician in the list, or add a new one."), right);
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    rightLayout->addWidget(m_placeholder);
    m_page = new QWidget(right);
    m_page->setObjectName(QStringLiteral("technicianPage"));
    rightLayout->addWidget(m_page, 1);
    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    m_title = new QLabel(m_page);
    m_title->setObjectName(QStringLiteral("technicianTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    pageLayout->addWidget(m_title);
    m_form = new TechnicianForm(m_model, m_page);
    pageLayout->addWidget(m_form);
    m_problem = new QLabel(m_page);
    m_problem->setObjectName(QStringLiteral("technicianProblem"));
    m_problem->setStyleSheet(problemTextStyle());
    m_problem->setWordWrap(true);
    m_problem->hide();
    pageLayout->addWidget(m_problem);
    auto *buttons = new QHBoxLayout;
    m_save = new QPushButton(tr("&Save"), m_page);
    m_save->setObjectName(QStringLiteral("saveTechnicianButton"));
    m_save->setDefault(true);
    m_revert = new QPushButton(tr("&Revert"), m_page);
    m_revert->setObjectName(QStringLiteral("revertTechnicianButton"));
    m_activeButton = new QPushButton(m_page);
    m_activeButton->setObjectName(QStringLiteral("activeTechnicianButton"));
    buttons->addWidget(m_save);
    buttons->addWidget(m_revert);
    buttons->addStretch(1);
    buttons->addWidget(m_activeButton);
    pageLayout->addLayout(buttons);

    m_absenceBox = new QGroupBox(tr("Absences"), m_page);
    auto *absenceLayout = new QVBoxLayout(m_absenceBox);
    m_absenceNote = new QLabel(m_absenceBox);
    m_absenceNote->setWordWrap(true);
    m_absenceNote->hide();
    absenceLayout->addWidget(m_absenceNote);
    m_absences = new QTableWidget(0, 3, m_absenceBox);
    m_absences->setObjectName(QStringLiteral("absencesTable"));
    m_absences->setHorizontalHeaderLabels({tr("From"), tr("To"), tr("Reason")});
    setUpRecordList(m_absences);
    m_absences->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_absences->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_absences->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_absences->setMinimumHeight(m_absences->fontMetrics().lineSpacing() * 6);
    absenceLayout->addWidget(m_absences);
    auto *absenceButtons = new QHBoxLayout;
    m_addAbsence = new QPushButton(tr("&Add absence…"), m_absenceBox);
    m_addAbsence->setObjectName(QStringLiteral("addAbsenceButton"));
    m_editAbsence = new QPushButton(tr("Ed&it…"), m_absenceBox);
    m_editAbsence->setObjectName(QStringLiteral("editAbsenceButton"));
    m_removeAbsence = new QPushButton(tr("Re&move"), m_absenceBox);
    m_removeAbsence->setObjectName(QStringLiteral("removeAbsenceButton"));
    absenceButtons->addWidget(m_addAbsence);
    absenceButtons->addWidget(m_editAbsence);
    absenceButtons->addWidget(m_removeAbsence);
    absenceButtons->addStretch(1);
    absenceLayout->addLayout(absenceButtons);
    pageLayout->addWidget(m_absenceBox, 1);
    m_page->hide();
    // The page is a form: it gets the width it needs, the list takes the rest.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_page->sizeHint().width() + scroll->verticalScrollBar()->sizeHint().width() + 24);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    splitter->setChildrenCollapsible(false);

    connect(m_text, &QLineEdit::textChanged, this, &TechniciansView::filterChanged);
    for (QComboBox *c : {m_territory, m_employment, m_activity})
        connect(c, &QComboBox::currentIndexChanged, this, &TechniciansView::filterChanged);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit technicianActivated(m_list->data(m_list->index(index.row(), 0), TechnicianListModel::IdRole).toString());
    });
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex &index) {
        emit technicianActivated(m_list->data(m_list->index(index.row(), 0), TechnicianListModel::IdRole).toString());
    });
    connect(m_new, &QPushButton::clicked, this, &TechniciansView::newRequested);
    connect(m_save, &QPushButton::clicked, this, [this] {
        if (m_save->isEnabled())
            emit saveRequested();
    });
    connect(m_revert, &QPushButton::clicked, this, &TechniciansView::revertRequested);
    connect(m_activeButton, &QPushButton::clicked, this, &TechniciansView::activeToggleRequested);
    connect(m_addAbsence, &QPushButton::clicked, this, &TechniciansView::addAbsenceRequested);
    connect(m_editAbsence, &QPushButton::clicked, this, [this] {
        if (!selectedAbsenceId().isEmpty())
            emit editAbsenceRequested(selectedAbsenceId());
    });
    connect(m_absences, &QTableWidget::cellDoubleClicked, this, [this] {
        if (m_mayEditAbsences && !selectedAbsenceId().isEmpty())
            emit editAbsenceRequested(selectedAbsenceId());
    });
    connect(m_removeAbsence, &QPushButton::clicked, this, [this] {
        if (!selectedAbsenceId().isEmpty())
            emit removeAbsenceRequested(selectedAbsenceId());
    });
    connect(m_absences, &QTableWidget::itemSelectionChanged, this, &TechniciansView::updateButtons);
    connect(m_model, &TechnicianFormModel::changed, this, &TechniciansView::updateButtons);
    updateButtons();
}

TechnicianFilter TechniciansView::filter() const
{
    TechnicianFilter f;
    f.text = m_text->text();
    f.territoryId = m_territory->currentData().toString();
    f.employment = m_employment->currentData().toString();
    f.activity = TechnicianFilter::Activity(m_activity->currentData().toInt());
    return f;
}

void TechniciansView::setCatalog(const TechnicianCatalog &catalog)
{
    const QString chosen = m_territory->currentData().toString();
    {
        QSignalBlocker block(m_territory);
        m_territory->clear();
        m_territory->addItem(tr("All territories"), QString());
        for (const Territory &t : catalog.territories)
            m_territory->addItem(t.name.isEmpty() ? t.id : t.name, t.id);
        m_territory->setCurrentIndex(std::max(0, m_territory->findData(chosen)));
    }
    m_model->setCatalog(catalog);
}

void TechniciansView::setRows(const QVector<TechnicianRow> &rows)
{
    m_list->setRows(rows);
    const int row = m_list->rowOf(m_shownId);
    if (row >= 0)
        m_table->selectionModel()->select(m_list->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void TechniciansView::showTechnician(const QString &technicianId)
{
    m_shownId = technicianId;
    m_placeholder->hide();
    m_page->show();
    m_title->setText(technicianId.isEmpty() ? tr("New technician") : m_model->draft().name);
    showProblem(QString());
    const int row = m_list->rowOf(technicianId);
    if (row >= 0)
        m_table->selectionModel()->select(m_list->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    if (technicianId.isEmpty())
        setAbsences({});
    updateButtons();
}

void TechniciansView::showNothing()
{
    m_shownId.clear();
    m_page->hide();
    m_placeholder->show();
}

void TechniciansView::setAbsences(const QVector<AbsenceDraft> &absences)
{
    const QString selected = selectedAbsenceId();
    m_absenceRows = absences;
    m_absences->setRowCount(int(absences.size()));
    for (int i = 0; i < absences.size(); ++i) {
        const AbsenceDraft &a = absences[i];
        auto *from = new QTableWidgetItem(a.start.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        from->setData(Qt::UserRole, a.id);
        m_absences->setItem(i, 0, from);
        m_absences->setItem(i, 1, new QTableWidgetItem(a.end.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
        m_absences->setItem(i, 2, new QTableWidgetItem(AbsenceRules::reasonText(a.reason)));
        if (a.id == selected)
            m_absences->selectRow(i);
    }
    updateButtons();
}

QString TechniciansView::selectedAbsenceId() const
{
    const QList<QTableWidgetItem *> items = m_absences->selectedItems();
    for (QTableWidgetItem *item : items)
        if (item->column() == 0)
            return item->data(Qt::UserRole).toString();
    return {};
}

void TechniciansView::setPermissions(bool mayEditTechnicians, const QString &whyNotTechnicians, bool mayEditAbsences,
                                     const QString &whyNotAbsences)
{
    m_mayEditTechnicians = mayEditTechnicians;
    m_mayEditAbsences = mayEditAbsences;
    m_whyNotTechnicians = whyNotTechnicians;
    m_whyNotAbsences = whyNotAbsences;
    m_form->setReadOnly(!mayEditTechnicians, whyNotTechnicians);
    m_absenceNote->setText(whyNotAbsences);
    m_absenceNote->setVisible(!mayEditAbsences && !whyNotAbsences.isEmpty());
    m_new->setEnabled(mayEditTechnicians);
    m_new->setToolTip(mayEditTechnicians ? QString() : whyNotTechnicians);
    updateButtons();
}

void TechniciansView::setSaving(bool saving)
{
    m_saving = saving;
    updateButtons();
}

void TechniciansView::showProblem(const QString &message)
{
    m_problem->setStyleSheet(problemTextStyle());
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void TechniciansView::showStatus(const QString &message)
{
    m_problem->setStyleSheet(QString());
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void TechniciansView::updateButtons()
{
    const bool isNew = m_model->isNew();
    const bool existing = !m_shownId.isEmpty() && !isNew;
    m_save->setEnabled(m_mayEditTechnicians && !m_saving && m_model->canSave() && (m_model->isDirty() || isNew));
    m_save->setToolTip(m_mayEditTechnicians ? (m_model->canSave() ? QString() : m_model->issues().value(0).text()) : m_whyNotTechnicians);
    m_revert->setEnabled(m_model->isDirty() && !m_saving);
    m_activeButton->setVisible(existing);
    m_activeButton->setEnabled(existing && m_mayEditTechnicians && !m_saving && !m_model->isDirty());
    m_activeButton->setText(m_model->draft().active ? tr("&Deactivate") : tr("Re&activate"));
    m_activeButton->setToolTip(m_model->draft().active ? tr("Keeps the technician and their history; the board gives them no new work")
                                                       : tr("The board may give them work again"));
    m_absenceBox->setEnabled(existing);
    m_addAbsence->setEnabled(existing && m_mayEditAbsences);
    const bool chosen = !selectedAbsenceId().isEmpty();
    m_editAbsence->setEnabled(existing && m_mayEditAbsences && chosen);
    m_removeAbsence->setEnabled(existing && m_mayEditAbsences && chosen);
    for (QPushButton *b : {m_addAbsence, m_editAbsence, m_removeAbsence})
        b->setToolTip(m_mayEditAbsences ? QString() : m_whyNotAbsences);
}

} // namespace fieldops::widgets
