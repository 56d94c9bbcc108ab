#pragma once
// The 19 files of the README's CSV interchange described once: columns, which are required, how a
// cell is typed and validated, its default, the table column it lands in, what it refers
// to, and how the file is keyed (upsert by id, or replaced per owner). The importer, the
// exporter and their tests all read this table, so the contract has a single home.
#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace fieldops::interchange {

enum class CellType {
    Text,          // kept verbatim
    Id,            // trimmed text
    Integer,
    Real,
    Boolean,       // 0 / 1
    Timestamp,     // ISO 8601 with an offset or Z
    Date,          // YYYY-MM-DD
    Clock,         // HH:MM
    ClosingClock,  // HH:MM, or 24:00 for the end of the day
    TimeZone,      // IANA id
    Enum,          // one of ColumnSpec::allowed
    SkillList,     // ids (skill codes, sites, assets) separated by ';', stored in a join table
    WorkDays,      // subset of Mon..Sun separated by ';'
    StockLocation, // warehouse:<id> | van:<technician_id>
};

// What an id column names, for reference checks against the directory and the database.
enum class RefKind { None, Skill, Territory, Technician, Customer, Site, Asset, Contract, Plan, WorkOrder, Part };

struct ColumnSpec {
    QString name;
    CellType type = CellType::Text;
    bool required = false;
    QString dbColumn;            // empty: not a column of the file's table (skills go to a join table)
    QString defaultText;         // parsed like a cell when the cell is empty or the column absent
    bool defaultTimeZone = false; // default is ImportOptions::defaultTimeZone
    std::optional<double> min, max;
    bool minExclusive = false;   // "> min" instead of ">= min"
    QStringList allowed;         // Enum
    RefKind ref = RefKind::None;
};

// A pair of columns where the second must come after the first (end > start).
struct OrderRule {
    QString earlier;
    QString later;
    bool allowEqual = false;
};

// A list column whose ids live in a join table (owner key, item), replaced as a whole per
// owner when the column is in the file.
struct JoinList {
    QString column;      // the CSV column (a SkillList)
    QString table;       // the join table
    QString ownerColumn; // its column holding the file's key
    QString itemColumn;  // its column holding one id of the list
};

struct FileSpec {
    QString fileName;
    QString table;
    QString keyColumn;   // upsert key (CSV column name); empty → replaced per owner
    QString keyDbColumn;
    RefKind defines = RefKind::None; // what the key names, for references from other files
    QString ownerColumn; // replaced-per-owner files: the CSV column naming the owner
    QStringList uniqueColumns; // rows must be unique on these (the key, or e.g. sku + location)
    QVector<JoinList> joinLists;
    QVector<OrderRule> orderRules;
    QString exportOrderBy; // db columns, comma separated; text columns sorted byte-wise
    QVector<ColumnSpec> columns;

    int indexOf(const QString &column) const;
    const ColumnSpec *column(const QString &name) const;
    QStringList dbColumns() const; // in column order, skipping columns without one
    const JoinList *joinList(const QString &column) const;
};

// In import order: every file comes after the files it refers to.
const QVector<FileSpec> &interchangeFiles();
const FileSpec *fileSpec(const QString &fileName);
QString refKindName(RefKind kind); // "technician", "skill", … for messages

} // namespace fieldops::interchange
