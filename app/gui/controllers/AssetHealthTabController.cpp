#include "controllers/AssetHealthTabController.h"

#include "conditions/AssetHealth.h"
#include "commands/CreateConditionRuleCommand.h"
#include "commands/EditConditionRuleCommand.h"
#include "conditions/AssetHealthView.h"
#include "conditions/ConditionRuleDialog.h"
#include "conditions/ConditionRuleStore.h"
#include "document/ScheduleDocument.h"
#include "repositories/Permissions.h"
#include "conditions/ConditionWatch.h"
#include "session/SessionJob.h"
#include "sync/Change.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QUndoStack>

namespace fieldops::gui {

AssetHealthTabController::AssetHealthTabController(ConsoleSession *session) : m_session(session), m_view(new widgets::AssetHealthView)
{
    connect(m_view, &widgets::AssetHealthView::chartRequested, this, &AssetHealthTabController::loadChart);
    connect(m_view, &widgets::AssetHealthView::customerRequested, this, &AssetHealthTabController::customerRequested);
    connect(m_view, &widgets::AssetHealthView::siteOnMapRequested, this, &AssetHealthTabController::siteOnMapRequested);
    connect(m_view, &widgets::AssetHealthView::workOrderRequested, this, &AssetHealthTabController::workOrderRequested);
    connect(session, &ConsoleSession::stateChanged, this, [this] {
        if (m_session->isUsable())
            reload();
    });
    connect(session->conditionWatch(), &conditions::ConditionWatch::evaluated, this, &AssetHealthTabController::reload);
    connect(m_view, &widgets::AssetHealthView::newRuleRequested, this, &AssetHealthTabController::openRuleEditor);
    connect(m_view, &widgets::AssetHealthView::editRuleRequested, this, &AssetHealthTabController::editRule);
    connect(m_view, &widgets::AssetHealthView::ruleActiveRequested, this, &AssetHealthTabController::setRuleActive);
    connect(session->document(), &ScheduleDocument::editRefused, m_view, [this](const Error &e) {
        if (!m_ruleDialog || !m_ruleDialog->isVisible())
            m_view->showError(e.message);
    });
    const auto followRole = [this](const Permissions &p) { m_view->setRulesEditable(p.editContracts); };
    connect(session, &ConsoleSession::permissionsChanged, this, followRole);
    followRole(session->permissions());
    // Undo and redo of a rule change the list.
    connect(session->document(), &ScheduleDocument::recordsWritten, this, [this](const QString &table) {
        if (table == QLatin1String("condition_rules"))
            reload();
    });
    connect(session, &ConsoleSession::changesArrived, this, [this](const ChangeList &changes) {
        for (const QString &t : changedTables(changes))
            if (t == QLatin1String("condition_rules") || t == QLatin1String("condition_episodes") || t == QLatin1String("work_orders")) {
                reload();
                return;
            }
    });
}

QString AssetHealthTabController::id() const { return QStringLiteral("assethealth"); }
QString AssetHealthTabController::title() const { return QCoreApplication::translate("MainWindow", "Asset health"); }
QWidget *AssetHealthTabController::widget() { return m_view; }

void AssetHealthTabController::reload()
{
    if (!m_session->isUsable())
        return;
    const qint64 asOf = m_session->now().toMSecsSinceEpoch();
    runSessionJob<QVector<conditions::AtRiskAsset>>(
        m_session, this, [asOf](Database &db) { return conditions::loadAtRiskAssets(db, asOf); },
        [this](Result<QVector<conditions::AtRiskAsset>> r) {
            if (!r)
                m_view->showError(r.error().message);
            else
                m_view->setAtRisk(*r);
            emit listLoaded();
        });
    runSessionJob<QVector<conditions::ConditionRule>>(
        m_session, this, [](Database &db) { return conditions::ConditionRuleStore(db).list(); },
        [this](Result<QVector<conditions::ConditionRule>> r) {
            if (!r)
                m_view->showError(r.error().message);
            else
                m_view->setRules(*r);
            emit rulesLoaded();
        });
}

void AssetHealthTabController::editRule(const QString &ruleId)
{
    const conditions::ConditionRule *rule = m_view->currentRule();
    if (!rule || rule->id != ruleId) {
        if (!m_view->selectRule(ruleId))
            return;
        rule = m_view->currentRule();
    }
    // An editor already open on this rule as read stays (with its edits); else a fresh one.
    if (!m_ruleDialog || !m_ruleDialog->isVisible() || !m_ruleDialog->isEditing() || m_ruleDialog->original().id != ruleId
        || m_ruleDialog->original().version != rule->version)
        newDialog()->editRule(*rule);
    m_ruleDialog->show();
    m_ruleDialog->raise();
}

bool AssetHealthTabController::setRuleActive(const QString &ruleId, bool active)
{
    if (!m_view->selectRule(ruleId) || !m_view->currentRule())
        return false;
    const conditions::ConditionRule rule = *m_view->currentRule();
    if (rule.active == active)
        return false;
    QUndoStack *stack = m_session->document()->undoStack();
    const int at = stack->index();
    m_session->document()->push(EditConditionRuleCommand::activation(m_session->editTarget(), rule, active));
    return stack->index() != at;
}

widgets::ConditionRuleDialog *AssetHealthTabController::ruleDialog() const { return m_ruleDialog; }

widgets::ConditionRuleDialog *AssetHealthTabController::newDialog()
{
    if (m_ruleDialog) {
        m_ruleDialog->hide();
        m_ruleDialog->deleteLater();
    }
    m_ruleDialog = new widgets::ConditionRuleDialog(m_view);
    m_ruleDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_ruleDialog, &widgets::ConditionRuleDialog::saveRequested, this, &AssetHealthTabController::saveRule);
    connect(m_session->document(), &ScheduleDocument::editRefused, m_ruleDialog, [this](const Error &e) {
        if (m_ruleDialog)
            m_ruleDialog->showProblem(e.message);
    });
    return m_ruleDialog;
}

void AssetHealthTabController::openRuleEditor()
{
    if (!m_ruleDialog || m_ruleDialog->isEditing()) {
        newDialog();
        if (const QString asset = m_view->currentAssetId(); !asset.isEmpty())
            m_ruleDialog->scopeEdit()->setText(asset);
    }
    m_ruleDialog->show();
    m_ruleDialog->raise();
}

namespace {
struct CheckedRule {
    conditions::ConditionRule rule;
    std::optional<workorders::FieldIssue> issue;
};
} // namespace

void AssetHealthTabController::saveRule(const QJsonObject &json)
{
    const bool editing = m_ruleDialog && m_ruleDialog->isEditing();
    const conditions::ConditionRule original = editing ? m_ruleDialog->original() : conditions::ConditionRule{};
    runSessionJob<CheckedRule>(
        m_session, this,
        [json, editing, original](Database &db) -> Result<CheckedRule> {
            conditions::ConditionRuleStore store(db);
            CheckedRule c;
            auto rule = editing ? store.changedFromJson(original, json, c.issue) : store.fromJson(json, c.issue);
            if (!rule)
                return rule.error();
            c.rule = *rule;
            if (!c.issue && c.rule.id.isEmpty()) {
                auto id = store.nextId();
                if (!id)
                    return id.error();
                c.rule.id = *id;
            }
            return c;
        },
        [this, editing, original](Result<CheckedRule> r) {
            if (!m_ruleDialog)
                return;
            if (!r) {
                m_ruleDialog->showProblem(r.error().message);
                emit ruleRefused(r.error().message);
                return;
            }
            if (r->issue) {
                m_ruleDialog->showIssue(r->issue->field, r->issue->message);
                emit ruleRefused(r->issue->text());
                return;
            }
            // A refused write drops the command; editRefused (above) says why in the editor.
            QUndoStack *stack = m_session->document()->undoStack();
            const int at = stack->index();
            if (editing)
                m_session->document()->push(new EditConditionRuleCommand(m_session->editTarget(), original, r->rule));
            else
                m_session->document()->push(new CreateConditionRuleCommand(m_session->editTarget(), r->rule));
            if (stack->index() == at) {
                emit ruleRefused(m_ruleDialog->message());
                return;
            }
            m_ruleDialog->accept();
            emit ruleSaved(r->rule.id);
        });
}

void AssetHealthTabController::loadChart(const QString &assetId, const QString &kind, qint64 spanMs)
{
    const qint64 to = m_session->now().toMSecsSinceEpoch();
    const quint64 ticket = ++m_chartTicket;
    runSessionJob<conditions::AssetChart>(
        m_session, this, [=](Database &db) { return conditions::loadAssetChart(db, assetId, kind, to - spanMs, to); },
        [this, ticket](Result<conditions::AssetChart> r) {
            if (ticket != m_chartTicket)
                return; // a newer choice is on its way
            if (!r)
                m_view->showError(r.error().message);
            else
                m_view->setChart(*r);
            emit chartLoaded();
        });
}

} // namespace fieldops::gui
