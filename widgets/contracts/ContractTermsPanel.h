#pragma once
// A contract's terms as one form in sections: who and when, coverage (around the clock,
// or the covered days and hours with the holiday calendar the clock stops on), response
// and resolution hours per priority, billing, the sites and assets covered, and notes.
// Every section writes the same RecordFormModel, so Save sees one record.
#include "contracts/ContractPage.h"

#include "common/TypeAheadField.h"

#include <QWidget>
#include <functional>

class QLabel;

namespace fieldops::records {
class RecordFormModel;
}

namespace fieldops::widgets {
class CoverageList;
class RecordFormWidget;

class ContractTermsPanel : public QWidget {
    Q_OBJECT
public:
    ContractTermsPanel(records::RecordFormModel *model, QWidget *parent = nullptr);

    void setChoices(const contracts::ContractChoices &choices, const QDate &today);
    // How a new contract finds its customer by name, phone, email or id.
    using CustomerSearch = std::function<QVector<Suggestion>(const QString &query)>;
    void setCustomerSearch(CustomerSearch search) { m_search = std::move(search); }
    TypeAheadField *customerPicker() const { return m_picker; }
    void setReadOnly(bool readOnly, const QString &why);
    RecordFormWidget *section(const QString &name) const; // "general", "coverage", "response", "resolution", "billing"
    CoverageList *sites() const { return m_sites; }
    CoverageList *assets() const { return m_assets; }
    // The widget that edits `field`, in whichever section holds it.
    QWidget *editor(const QString &field) const;

private:
    void showCoverageHours();
    records::RecordFormModel *m_model;
    QHash<QString, RecordFormWidget *> m_sections;
    TypeAheadField *m_picker;
    QLabel *m_pickerLabel;
    CustomerSearch m_search;
    CoverageList *m_sites;
    CoverageList *m_assets;
};

} // namespace fieldops::widgets
