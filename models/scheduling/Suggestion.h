#pragma once
// What `fieldops-cli suggest` and the suggestion panel ask and get back: feasible
// (technician, start) slots for one work order, best first, each with the figures its
// score was made of and those figures in words.
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <vector>

namespace fieldops::scheduling {

struct SuggestionRequest {
    QString workOrderId;  // must be in the compiled schedule (SuggestionLoader puts it there)
    int durationMin = 60; // the work order's estimated duration
    QDateTime from;       // the search horizon [from, to)
    QDateTime to;
    int top = 5;          // how many candidates at most
};

// The numbers behind a candidate's score and reasons.
struct SlotFacts {
    int travelMin = 0;       // from the previous visit that local day, else from home
    QString travelFrom;      // that visit's appointment id; empty: from home
    qint64 bookedMin = 0;    // the technician's other visits starting that local day
    bool hasSla = false;
    qint64 slaSlackMin = 0;  // minutes from the visit's end to the SLA due (negative: late)
    bool hasWindow = false;
    QStringList skills;      // the work order's required skills (sorted)
    int skillsHeld = 0;      // how many skills the technician holds
    bool needsParts = false; // the work order needs parts (work_order_parts)
    QString vanLacks;        // what the technician's van lacks of them ("2 × FLT-100"); empty: carries them all
};

struct Suggestion {
    QString technicianId;
    QDateTime start; // UTC
    QDateTime end;
    double score = 0; // in [0, 1]; every slot within SLA scores above every late one
    SlotFacts facts;
    QStringList reasons;
};

struct SuggestionResult {
    std::vector<Suggestion> candidates; // best first, at most request.top
    QString whyNone;                    // set when there is no candidate
};

} // namespace fieldops::scheduling
