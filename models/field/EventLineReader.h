#pragma once
// The field gateway's event lines (`fieldops-cli ingest`) read and parsed a chunk ahead of
// their writing. Parsing a line costs the client about as much as storing it costs the
// server, so while the caller writes one chunk (and waits on the server) the next is read
// and parsed on a worker thread. Lines come out in file order with their physical line
// numbers, so the first bad line is still the one reported.
#include "field/FieldEvent.h"

#include <QFuture>

#include <variant>
#include <vector>

class QIODevice;

namespace fieldops::field {

struct EventLine {
    int lineNo = 0; // physical, 1-based: blank lines count
    std::variant<ParsedLine, EventIssue> parsed;
};

class EventLineReader {
public:
    // `in` must stay open and untouched by others while the reader lives.
    EventLineReader(QIODevice &in, QDateTime now, int chunkLines = 2000);
    ~EventLineReader(); // waits for the chunk being parsed ahead
    EventLineReader(const EventLineReader &) = delete;
    EventLineReader &operator=(const EventLineReader &) = delete;

    // The next lines that are not blank, in file order; empty once the input is exhausted
    // (or unreadable: the device's error says so).
    std::vector<EventLine> next();

private:
    std::vector<EventLine> readAndParse();

    QIODevice &m_in;
    QDateTime m_now;
    int m_chunkLines;
    int m_lineNo = 0;
    QFuture<std::vector<EventLine>> m_ahead;
};

} // namespace fieldops::field
