#include "contracts/HolidayCalendarDialog.h"

#include "common/ProblemText.h"
#include "interchange/CsvReader.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace fieldops::widgets {

HolidayCalendarDialog::HolidayCalendarDialog(const QVector<contracts::PickItem> &territories, bool editable, QWidget *parent)
    : QDialog(parent), m_editable(editable)
{
    setWindowTitle(tr("Holiday calendars"));
    resize(520, 520);
    auto *v = new QVBoxLayout(this);
    auto *top = new QFormLayout;
    m_territory = new QComboBox(this);
    m_territory->setObjectName(QStringLiteral("holidayTerritory"));
    for (const contracts::PickItem &t : territories)
        m_territory->addItem(t.label.isEmpty() ? t.id : QStringLiteral("%1 (%2)").arg(t.label, t.id), t.id);
    top->addRow(tr("&Territory:"), m_territory);
    v->addLayout(top);
    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("holidayTable"));
    m_table->setHorizontalHeaderLabels({tr("Day"), tr("Holiday")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    v->addWidget(m_table, 1);
    auto *addRow = new QHBoxLayout;
    m_day = new QDateEdit(QDate::currentDate(), this);
    m_day->setObjectName(QStringLiteral("holidayDay"));
    m_day->setCalendarPopup(true);
    m_day->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("holidayName"));
    m_name->setPlaceholderText(tr("e.g. Tiradentes"));
    m_add = new QPushButton(tr("&Add"), this);
    m_remove = new QPushButton(tr("&Remove"), this);
    m_import = new QPushButton(tr("&Import CSV…"), this);
    m_import->setToolTip(tr("A CSV file with a day column (YYYY-MM-DD) and optionally name and territory_id"));
    addRow->addWidget(m_day);
    addRow->addWidget(m_name, 1);
    addRow->addWidget(m_add);
    addRow->addWidget(m_remove);
    addRow->addWidget(m_import);
    v->addLayout(addRow);
    m_problem = makeProblemLabel(QStringLiteral("holidayProblem"), this);
    v->addWidget(m_problem);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save calendar"), QDialogButtonBox::AcceptRole);
    m_save->setObjectName(QStringLiteral("saveHolidays"));
    v->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, [this] { emit saveRequested(m_loadedFor, m_stored, m_days); });
    connect(m_territory, &QComboBox::currentIndexChanged, this, [this] { emit territoryChosen(territoryId()); });
    connect(m_add, &QPushButton::clicked, this, [this] {
        const QDate day = m_day->date();
        if (std::any_of(m_days.cbegin(), m_days.cend(), [&](const contracts::Holiday &h) { return h.day == day; })) {
            showProblem(tr("%1 is already a holiday.").arg(day.toString(Qt::ISODate)));
            return;
        }
        m_days.push_back({day, m_name->text().trimmed()});
        std::sort(m_days.begin(), m_days.end(), [](const contracts::Holiday &a, const contracts::Holiday &b) { return a.day < b.day; });
        m_name->clear();
        showProblem(QString());
        fill();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row < 0 || row >= m_days.size())
            return;
        m_days.removeAt(row);
        fill();
    });
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import holidays"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    connect(m_table, &QTableWidget::currentCellChanged, this, &HolidayCalendarDialog::updateButtons);
    updateButtons();
}

QString HolidayCalendarDialog::territoryId() const { return m_territory->currentData().toString(); }

void HolidayCalendarDialog::setHolidays(const QString &territoryId, const contracts::HolidayList &days)
{
    m_loadedFor = territoryId;
    m_stored = days;
    m_days = days;
    showProblem(QString());
    fill();
}

bool HolidayCalendarDialog::importFile(const QString &path)
{
    int badLine = 0;
    auto text = interchange::CsvReader::readUtf8File(path, &badLine);
    if (!text) {
        const QString file = QFileInfo(path).fileName();
        showProblem(badLine > 0 ? QStringLiteral("%1:%2: %3").arg(file).arg(badLine).arg(text.error().message)
                                : QStringLiteral("%1: %2").arg(file, text.error().message));
        return false;
    }
    auto days = contracts::parseHolidayCsv(*text, m_loadedFor, QFileInfo(path).fileName());
    if (!days) {
        showProblem(days.error().message);
        return false;
    }
    m_days = *days;
    showProblem(QString());
    fill();
    return true;
}

void HolidayCalendarDialog::showProblem(const QString &message)
{
    m_problem->setText(message);
    m_problem->setVisible(!message.isEmpty());
}

void HolidayCalendarDialog::fill()
{
    m_table->setRowCount(int(m_days.size()));
    for (int r = 0; r < m_days.size(); ++r) {
        m_table->setItem(r, 0, new QTableWidgetItem(m_days[r].day.toString(Qt::ISODate)));
        m_table->setItem(r, 1, new QTableWidgetItem(m_days[r].name));
    }
    updateButtons();
}

void HolidayCalendarDialog::updateButtons()
{
    const bool loaded = !m_loadedFor.isEmpty() && m_loadedFor == territoryId();
    m_add->setEnabled(m_editable && loaded);
    m_import->setEnabled(m_editable && loaded);
    m_remove->setEnabled(m_editable && loaded && m_table->currentRow() >= 0);
    m_save->setEnabled(m_editable && loaded && m_days != m_stored);
}

} // namespace fieldops::widgets
