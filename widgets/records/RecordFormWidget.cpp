#include "records/RecordFormWidget.h"

#include "common/ProblemText.h"
#include "domain/Vocabulary.h"
#include "records/RecordFormModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QTimeZone>
#include <QVBoxLayout>

namespace fieldops::widgets {

namespace {

QString shown(const QVariant &v)
{
    if (v.isNull())
        return {};
    if (v.typeId() == QMetaType::Double)
        return QString::number(v.toDouble(), 'g', QLocale::FloatingPointShortest);
    return v.toString();
}

// What the user typed, as the model binds it: a number when it reads as one (the rules
// report what does not), nothing when empty.
QVariant typed(FieldDescriptor::Kind kind, const QString &text)
{
    const QString t = text.trimmed();
    switch (kind) {
    case FieldDescriptor::Kind::Number: {
        if (t.isEmpty())
            return QVariant(QMetaType::fromType<double>());
        bool ok = false;
        const double d = QString(t).replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
        return ok ? QVariant(d) : QVariant(t);
    }
    case FieldDescriptor::Kind::Date:
        return t.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(t);
    default:
        return text.isNull() ? QStringLiteral("") : text; // a null QString would bind as NULL
    }
}

} // namespace

RecordFormWidget::RecordFormWidget(records::RecordFormModel *model, const QVector<FieldDescriptor> &fields, QWidget *parent)
    : QWidget(parent), m_model(model), m_fields(fields)
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_readOnlyNote = new QLabel(this);
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();
    outer->addWidget(m_readOnlyNote);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(form);
    for (const FieldDescriptor &f : fields) {
        QWidget *editor = nullptr;
        if (f.kind == FieldDescriptor::Kind::MultiLine) {
            auto *edit = new QPlainTextEdit(this);
            edit->setTabChangesFocus(true);
            edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
            connect(edit, &QPlainTextEdit::textChanged, this, [this, edit, field = f.field] {
                if (!m_refreshing)
                    m_model->setValue(field, edit->toPlainText().isNull() ? QStringLiteral("") : edit->toPlainText());
            });
            editor = edit;
        } else if (f.kind == FieldDescriptor::Kind::TimeZone) {
            auto *combo = new QComboBox(this);
            combo->setEditable(true);
            combo->setInsertPolicy(QComboBox::NoInsert);
            for (const QByteArray &zone : QTimeZone::availableTimeZoneIds())
                combo->addItem(QString::fromUtf8(zone));
            combo->completer()->setFilterMode(Qt::MatchContains);
            combo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
            connect(combo, &QComboBox::currentTextChanged, this, [this, field = f.field](const QString &text) {
                if (!m_refreshing)
                    m_model->setValue(field, text.trimmed());
            });
            editor = combo;
        } else if (f.kind == FieldDescriptor::Kind::Choice) {
            auto *combo = new QComboBox(this);
            for (const auto &[value, text] : f.options)
                combo->addItem(text, value);
            connect(combo, &QComboBox::activated, this, [this, combo, field = f.field] {
                // The empty choice ("none", "the site's territory") is NULL, never a
                // reference to a record with an empty key.
                const QString value = combo->currentData().toString();
                if (!m_refreshing)
                    m_model->setValue(field, value.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(value));
            });
            editor = combo;
        } else if (f.kind == FieldDescriptor::Kind::Check) {
            auto *check = new QCheckBox(f.placeholder, this);
            connect(check, &QCheckBox::toggled, this, [this, field = f.field](bool on) {
                if (!m_refreshing)
                    m_model->setValue(field, on);
            });
            editor = check;
        } else if (f.kind == FieldDescriptor::Kind::Days) {
            editor = makeDays(f.field);
        } else {
            auto *edit = new QLineEdit(this);
            edit->setPlaceholderText(f.placeholder);
            connect(edit, &QLineEdit::textEdited, this, [this, kind = f.kind, field = f.field](const QString &text) {
                if (kind == FieldDescriptor::Kind::Id)
                    m_model->setId(text.trimmed());
                else
                    m_model->setValue(field, typed(kind, text));
            });
            editor = edit;
        }
        editor->setObjectName(f.field + QStringLiteral("Field"));
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(editor);
        QLabel *issue = makeProblemLabel(f.field + QStringLiteral("Issue"), box);
        v->addWidget(issue);
        auto *label = new QLabel(f.label, this);
        label->setBuddy(editor);
        form->addRow(label, box);
        m_editors.insert(f.field, editor);
        m_issues.insert(f.field, issue);
    }
    connect(m_model, &records::RecordFormModel::changed, this, &RecordFormWidget::refresh);
    refresh();
}

QWidget *RecordFormWidget::makeDays(const QString &field)
{
    auto *box = new QWidget(this);
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    const QStringList &codes = vocabulary::weekDays();
    for (int d = 0; d < codes.size(); ++d) {
        // The day's short name in the user's language; the stored code stays English.
        auto *day = new QCheckBox(QLocale().dayName(d + 1, QLocale::ShortFormat), box);
        day->setProperty("day", codes[d]);
        day->setObjectName(field + codes[d]);
        row->addWidget(day);
        connect(day, &QCheckBox::toggled, this, [this, box, field] {
            if (m_refreshing)
                return;
            QStringList ticked;
            for (QCheckBox *c : box->findChildren<QCheckBox *>())
                if (c->isChecked())
                    ticked << c->property("day").toString();
            m_model->setValue(field, ticked.join(QLatin1Char(';')));
        });
    }
    row->addStretch(1);
    return box;
}

void RecordFormWidget::setOptions(const QString &field, const QVector<std::pair<QString, QString>> &options)
{
    auto *combo = qobject_cast<QComboBox *>(m_editors.value(field));
    if (!combo)
        return;
    m_refreshing = true;
    combo->clear();
    for (const auto &[value, text] : options)
        combo->addItem(text, value);
    m_refreshing = false;
    refresh();
}

void RecordFormWidget::setReadOnly(bool readOnly, const QString &why)
{
    for (QWidget *w : std::as_const(m_editors))
        w->setEnabled(!readOnly);
    m_readOnlyNote->setText(why);
    m_readOnlyNote->setVisible(readOnly && !why.isEmpty());
}

void RecordFormWidget::refresh()
{
    m_refreshing = true;
    for (const FieldDescriptor &f : std::as_const(m_fields)) {
        QWidget *w = m_editors.value(f.field);
        const QString text = f.kind == FieldDescriptor::Kind::Id ? m_model->id() : shown(m_model->value(f.field));
        if (auto *edit = qobject_cast<QLineEdit *>(w)) {
            // Leave what the user is typing alone ("-23." is not yet a number).
            if (!edit->hasFocus() && edit->text() != text)
                edit->setText(text);
            if (f.kind == FieldDescriptor::Kind::Id)
                edit->setReadOnly(!m_model->isNew());
        } else if (auto *plain = qobject_cast<QPlainTextEdit *>(w)) {
            if (plain->toPlainText() != text)
                plain->setPlainText(text);
        } else if (f.kind == FieldDescriptor::Kind::Choice) {
            auto *combo = static_cast<QComboBox *>(w);
            combo->setCurrentIndex(combo->findData(text));
        } else if (auto *combo = qobject_cast<QComboBox *>(w)) {
            if (combo->currentText() != text)
                combo->setCurrentText(text);
        } else if (auto *check = qobject_cast<QCheckBox *>(w)) {
            check->setChecked(m_model->value(f.field).toBool());
        } else if (f.kind == FieldDescriptor::Kind::Days) {
            const QStringList days = text.split(QLatin1Char(';'), Qt::SkipEmptyParts);
            for (QCheckBox *day : w->findChildren<QCheckBox *>())
                day->setChecked(days.contains(day->property("day").toString()));
        }
        const QString message = m_model->issue(f.field);
        m_issues.value(f.field)->setText(message);
        m_issues.value(f.field)->setVisible(!message.isEmpty());
    }
    m_refreshing = false;
}

} // namespace fieldops::widgets
