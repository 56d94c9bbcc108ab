#include "startup/FirstRunDialog.h"

#include <QCommandLinkButton>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace fieldops::widgets {

FirstRunDialog::FirstRunDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("FirstRunDialog"));
    setWindowTitle(tr("Welcome to FieldOps Console"));

    auto *intro = new QLabel(tr("Which database should the console open? Your choice is remembered for the next "
                                "start; File → Open another database… changes it."),
                             this);
    intro->setWordWrap(true);

    m_demo = new QCommandLinkButton(tr("Open the &demo"),
                                    tr("A made-up field-service operation in São Paulo to try everything out. It is "
                                       "created the first time, which takes a moment."),
                                    this);
    m_demo->setObjectName(QStringLiteral("firstRunDemo"));
    m_server = new QCommandLinkButton(tr("Connect to a &server…"),
                                      tr("A PostgreSQL server your team shares. Pick a recent connection below or "
                                         "enter a new one."),
                                      this);
    m_server->setObjectName(QStringLiteral("firstRunServer"));
    m_recentTitle = new QLabel(tr("&Recent connections:"), this);
    m_recent = new QListWidget(this);
    m_recent->setObjectName(QStringLiteral("firstRunRecent"));
    m_recentTitle->setBuddy(m_recent);
    m_file = new QCommandLinkButton(tr("Create a new database &file…"),
                                    tr("An empty SQLite file of your own, for one person working alone. Choosing an "
                                       "existing FieldOps file opens it as it is."),
                                    this);
    m_file->setObjectName(QStringLiteral("firstRunFile"));

    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("firstRunProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_problem->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancel = buttons->button(QDialogButtonBox::Cancel);
    m_cancel->setText(tr("&Quit"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_demo);
    layout->addWidget(m_server);
    layout->addWidget(m_recentTitle);
    layout->addWidget(m_recent);
    layout->addWidget(m_file);
    layout->addWidget(m_problem);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
    setRecentServers({});

    m_chooseFile = [](QWidget *parent) {
        return QFileDialog::getSaveFileName(parent, tr("New database file"),
                                            QDir::home().filePath(QStringLiteral("fieldops.db")),
                                            tr("SQLite databases (*.db *.sqlite);;All files (*)"), nullptr,
                                            // Nothing is replaced: an existing FieldOps file is opened as
                                            // it is, anything else is refused, so "replace it?" would mislead.
                                            QFileDialog::DontConfirmOverwrite);
    };

    connect(m_demo, &QCommandLinkButton::clicked, this, [this] {
        m_problem->hide();
        emit demoRequested();
    });
    connect(m_server, &QCommandLinkButton::clicked, this, [this] {
        m_problem->hide();
        emit serverRequested(currentRecent());
    });
    // A double-click or Enter on a recent connection is the same as choosing it and "Connect".
    connect(m_recent, &QListWidget::itemActivated, this, [this] {
        m_problem->hide();
        emit serverRequested(currentRecent());
    });
    connect(m_file, &QCommandLinkButton::clicked, this, &FirstRunDialog::askForFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

void FirstRunDialog::setRecentServers(const QStringList &displayUrls)
{
    m_recent->clear();
    m_recent->addItems(displayUrls);
    if (!displayUrls.isEmpty())
        m_recent->setCurrentRow(0);
    if (!displayUrls.isEmpty()) // room for four, so the buttons below stay in view
        m_recent->setMaximumHeight(m_recent->sizeHintForRow(0) * 4 + 2 * m_recent->frameWidth() + 4);
    m_recent->setVisible(!displayUrls.isEmpty());
    m_recentTitle->setVisible(!displayUrls.isEmpty());
}

void FirstRunDialog::setReopened()
{
    setWindowTitle(tr("Open another database"));
    m_cancel->setText(tr("Cancel"));
}

void FirstRunDialog::showProblem(const QString &text)
{
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
}

QString FirstRunDialog::currentRecent() const
{
    const QListWidgetItem *item = m_recent->currentItem();
    return item && !m_recent->isHidden() ? item->text() : QString();
}

void FirstRunDialog::askForFile()
{
    m_problem->hide();
    const QString path = m_chooseFile ? m_chooseFile(this) : QString();
    if (!path.isEmpty())
        emit fileRequested(path);
}

} // namespace fieldops::widgets
