#include "BoardToolbar.h"

#include "board/BoardModel.h"
#include "domain/Vocabulary.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QToolBar>
#include <QToolButton>

namespace fieldops::widgets {

namespace {
void refill(QComboBox *box, const QString &anyText, const QList<QPair<QString, QString>> &items)
{
    const QString current = box->currentData().toString();
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(anyText, QString());
    for (const auto &[value, text] : items)
        box->addItem(text, value);
    box->setCurrentIndex(std::max(0, box->findData(current)));
}
} // namespace

BoardToolbar::BoardToolbar(QWidget *parent) : QWidget(parent)
{
    // A QToolBar underneath: on a narrow window the filters fold into its extension menu
    // instead of forcing the whole window wider.
    auto *outer = new QHBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *bar = m_bar = new QToolBar(this);
    bar->setObjectName(QStringLiteral("boardToolBar"));
    outer->addWidget(bar);
    m_spans = new QButtonGroup(this);
    // Screen readers say the accessible names: "3 days" alone does not say what it does.
    struct Span {
        board::VisibleSpan span;
        QString text, accessible;
    };
    const QList<Span> spans{{board::VisibleSpan::Day, tr("Day"), tr("Show one day")},
                            {board::VisibleSpan::ThreeDays, tr("3 days"), tr("Show three days")},
                            {board::VisibleSpan::Week, tr("Week"), tr("Show a week")},
                            {board::VisibleSpan::TwoWeeks, tr("2 weeks"), tr("Show two weeks")}};
    for (const auto &[span, text, accessible] : spans) {
        auto *b = new QToolButton(this);
        b->setText(text);
        b->setAccessibleName(accessible);
        b->setCheckable(true);
        b->setObjectName(QStringLiteral("span%1").arg(int(span)));
        m_spans->addButton(b, int(span));
        bar->addWidget(b);
    }
    m_spans->button(int(board::VisibleSpan::Day))->setChecked(true);
    connect(m_spans, &QButtonGroup::idClicked, this, [this](int id) { emit spanChanged(board::VisibleSpan(id)); });

    m_today = new QToolButton(this);
    m_today->setText(tr("Today"));
    m_today->setShortcut(QKeySequence(tr("Ctrl+T")));
    m_today->setToolTip(tr("Scroll to now (Ctrl+T)"));
    m_today->setAccessibleName(tr("Scroll the board to now"));
    connect(m_today, &QToolButton::clicked, this, &BoardToolbar::todayRequested);
    bar->addWidget(m_today);
    m_date = new QDateEdit(QDate::currentDate(), this);
    m_date->setObjectName(QStringLiteral("boardDate"));
    m_date->setCalendarPopup(true);
    m_date->setAccessibleName(tr("Day shown on the board"));
    connect(m_date, &QDateEdit::dateChanged, this, &BoardToolbar::dateChosen);
    bar->addWidget(m_date);

    m_markAbsent = new QToolButton(this);
    m_markAbsent->setObjectName(QStringLiteral("markAbsentButton"));
    m_markAbsent->setText(tr("Mark absent"));
    m_markAbsent->setCheckable(true);
    m_markAbsent->setShortcut(QKeySequence(tr("Ctrl+Shift+A")));
    m_markAbsent->setToolTip(tr("Drag along a technician's row to record an absence (Ctrl+Shift+A; Esc leaves)"));
    m_markAbsent->setAccessibleName(tr("Mark absent"));
    m_markAbsent->setAccessibleDescription(tr("Drag along a technician's row to record an absence; Escape leaves the mode"));
    connect(m_markAbsent, &QToolButton::toggled, this, &BoardToolbar::markAbsentToggled);
    bar->addWidget(m_markAbsent);

    //: Drag granularity: dragged visits snap to this many minutes.
    m_toolsAnchor = bar->addWidget(new QLabel(tr("Snap"), this));
    m_snap = new QComboBox(this);
    m_snap->setObjectName(QStringLiteral("boardSnap"));
    for (const int m : {5, 15, 30})
        m_snap->addItem(tr("%1 min").arg(m), m);
    m_snap->setCurrentIndex(1);
    m_snap->setAccessibleName(tr("Snap step"));
    connect(m_snap, &QComboBox::currentIndexChanged, this, [this] { emit snapChanged(snapMinutes()); });
    bar->addWidget(m_snap);

    m_territory = new QComboBox(this);
    m_territory->setObjectName(QStringLiteral("boardTerritory"));
    m_skill = new QComboBox(this);
    m_skill->setObjectName(QStringLiteral("boardSkill"));
    m_employment = new QComboBox(this);
    m_employment->setObjectName(QStringLiteral("boardEmployment"));
    m_territory->setAccessibleName(tr("Territory filter"));
    m_skill->setAccessibleName(tr("Skill filter"));
    m_employment->setAccessibleName(tr("Employment filter"));
    refill(m_territory, tr("All territories"), {});
    refill(m_skill, tr("Any skill"), {});
    refill(m_employment, tr("Any employment"),
           {{QStringLiteral("employee"), tr("Employee")},
            {QStringLiteral("part_time"), tr("Part time")},
            {QStringLiteral("contractor"), tr("Contractor")}});
    for (QComboBox *box : {m_territory, m_skill, m_employment}) {
        connect(box, &QComboBox::currentIndexChanged, this, &BoardToolbar::filterChanged);
        bar->addWidget(box);
    }
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("boardSearch"));
    m_search->setPlaceholderText(tr("Technician name…"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(160);
    m_search->setAccessibleName(tr("Technician name filter"));
    connect(m_search, &QLineEdit::textChanged, this, &BoardToolbar::filterChanged);
    bar->addWidget(m_search);
    m_cancelled = new QCheckBox(tr("Cancelled"), this);
    m_cancelled->setToolTip(tr("Show cancelled appointments"));
    m_cancelled->setAccessibleName(tr("Show cancelled appointments"));
    connect(m_cancelled, &QCheckBox::toggled, this, &BoardToolbar::filterChanged);
    bar->addWidget(m_cancelled);
}

void BoardToolbar::setChoices(const board::BoardModel &model)
{
    QMap<QString, QString> territories;
    QSet<QString> skills;
    for (const board::BoardTechnician &t : model.technicians()) {
        if (!t.technician.territoryId.isEmpty())
            territories.insert(t.technician.territoryId, t.territoryName.isEmpty() ? t.technician.territoryId : t.territoryName);
        for (const QString &s : t.technician.skills)
            skills.insert(s);
    }
    QList<QPair<QString, QString>> tItems;
    for (auto it = territories.cbegin(); it != territories.cend(); ++it)
        tItems.append({it.key(), it.value()});
    std::sort(tItems.begin(), tItems.end(), [](const auto &a, const auto &b) { return a.second.localeAwareCompare(b.second) < 0; });
    refill(m_territory, tr("All territories"), tItems);
    QStringList sorted(skills.begin(), skills.end());
    sorted.sort();
    QList<QPair<QString, QString>> sItems;
    for (const QString &s : sorted)
        sItems.append({s, s});
    refill(m_skill, tr("Any skill"), sItems);
}

void BoardToolbar::setDate(const QDate &date)
{
    const QSignalBlocker block(m_date);
    m_date->setDate(date);
}

QDate BoardToolbar::date() const { return m_date->date(); }

void BoardToolbar::addTool(QAction *action) { m_bar->insertAction(m_toolsAnchor, action); }

void BoardToolbar::setSpan(board::VisibleSpan span)
{
    if (QAbstractButton *b = m_spans->button(int(span)))
        b->setChecked(true);
}

board::BoardFilter BoardToolbar::filter() const
{
    board::BoardFilter f;
    f.territoryId = m_territory->currentData().toString();
    f.skill = m_skill->currentData().toString();
    f.employment = m_employment->currentData().toString();
    f.search = m_search->text().trimmed();
    f.showCancelled = m_cancelled->isChecked();
    return f;
}

int BoardToolbar::snapMinutes() const { return m_snap->currentData().toInt(); }

void BoardToolbar::setMarkAbsentAvailable(bool available)
{
    m_markAbsent->setEnabled(available);
    if (!available)
        m_markAbsent->setChecked(false);
}

void BoardToolbar::setMarkAbsentChecked(bool checked)
{
    const QSignalBlocker block(m_markAbsent);
    m_markAbsent->setChecked(checked);
}

} // namespace fieldops::widgets
