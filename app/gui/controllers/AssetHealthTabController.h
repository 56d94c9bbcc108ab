#pragma once
// The "Asset health" tab: the at-risk list and an asset's chart (AssetHealthView), read
// on the session's worker as of the session's clock. The list is read again when the
// tab connects, after every evaluation of the condition rules (ConditionWatch) and when
// rules, episodes or work orders change; the chart when its asset, kind or span changes.
// The view's links (customer, site on the map, open work) are this controller's signals,
// which the window routes to the other tabs. Planners add condition rules here (New rule…):
// checked by ConditionRuleStore::fromJson, created as an undoable command; and edit,
// deactivate or activate the ones in the view's Rules section: an edit is checked by
// ConditionRuleStore::changedFromJson against the rule as the section read it, each an
// undoable EditConditionRuleCommand at that version.
#include "controllers/TabController.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>

namespace fieldops {
class ConsoleSession;
}
namespace fieldops::widgets {
class AssetHealthView;
class ConditionRuleDialog;
}

namespace fieldops::gui {

class AssetHealthTabController : public QObject, public TabController {
    Q_OBJECT
public:
    explicit AssetHealthTabController(ConsoleSession *session);
    QString id() const override;
    QString title() const override;
    QWidget *widget() override;
    widgets::AssetHealthView *view() const { return m_view; }
    void reload();
    // The planner's rule editor (New rule…); null while closed.
    void openRuleEditor();
    // The editor on an existing rule (the one the Rules section read).
    void editRule(const QString &ruleId);
    // Deactivate or activate a rule as one undo step; false when refused (the reason is
    // the document's editRefused, and the view shows it).
    bool setRuleActive(const QString &ruleId, bool active);
    widgets::ConditionRuleDialog *ruleDialog() const;

signals:
    void customerRequested(const QString &customerId);
    void siteOnMapRequested(double lat, double lon);
    void workOrderRequested(const QString &workOrderId);
    // A list or chart read came back (tests wait for these); rulesLoaded: the Rules section's.
    void listLoaded();
    void rulesLoaded();
    void chartLoaded();
    // A rule was created or edited (and is on the undo stack), or the editor shows why not.
    void ruleSaved(const QString &ruleId);
    void ruleRefused(const QString &message);

private:
    void loadChart(const QString &assetId, const QString &kind, qint64 spanMs);
    void saveRule(const QJsonObject &json);
    // A fresh editor (any other one is discarded: one editor at a time).
    widgets::ConditionRuleDialog *newDialog();

    ConsoleSession *m_session;
    widgets::AssetHealthView *m_view; // owned by the tab widget once added
    QPointer<widgets::ConditionRuleDialog> m_ruleDialog;
    quint64 m_chartTicket = 0;
};

} // namespace fieldops::gui
