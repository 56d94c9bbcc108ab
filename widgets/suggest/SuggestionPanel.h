#pragma once
// The schedule board's suggestion panel: for one work order, the feasible (technician,
// start) slots the engine ranked, best first, with their reasons; a line saying why there
// is none; a busy bar while ranking. Enter, a double-click or Book books the chosen row,
// Esc closes. It only shows and asks: the controller ranks and books (widgets never
// touch the database).
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace fieldops {
class SuggestionModel;
}

namespace fieldops::widgets {

class SuggestionPanel : public QWidget {
    Q_OBJECT
public:
    // The model outlives the panel (the controller owns both).
    explicit SuggestionPanel(SuggestionModel *model, QWidget *parent = nullptr);

    // A ranking for `workOrderId` is under way (`title` names it for people).
    void showRanking(const QString &workOrderId, const QString &title);
    // The model holds the answer: rows to choose from, or its why-none.
    void showResult(const QString &title);
    // Nothing to rank (no work order selected, a failed read): `text` says so.
    void showProblem(const QString &text);
    // Why travel times were straight-line after all (the routing service failed); empty hides it.
    void setTravelNote(const QString &text);

    // The next answer takes the keyboard (its first row current, Enter books it).
    void focusWhenReady() { m_takeFocus = true; }

    bool isBusy() const;
    QString workOrderId() const { return m_workOrderId; }
    QTableView *table() const { return m_table; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *whyNoneLabel() const { return m_whyNone; }
    QLabel *travelNoteLabel() const { return m_travelNote; }
    QPushButton *bookButton() const { return m_book; }
    // The chosen row (the current one; -1 when none).
    int currentRow() const;

signals:
    void bookRequested(int row);
    void closeRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void requestBook();
    void updateBookButton();

    SuggestionModel *m_model;
    QString m_workOrderId;
    QLabel *m_title;
    QProgressBar *m_busy;
    QTableView *m_table;
    QLabel *m_whyNone;
    QLabel *m_travelNote;
    QPushButton *m_book;
    bool m_takeFocus = false;
};

} // namespace fieldops::widgets
