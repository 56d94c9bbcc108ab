#include "field/EventLineReader.h"

#include <QIODevice>
#include <QtConcurrent/QtConcurrentRun>

namespace fieldops::field {

EventLineReader::EventLineReader(QIODevice &in, QDateTime now, int chunkLines)
    : m_in(in), m_now(std::move(now)), m_chunkLines(std::max(1, chunkLines))
{
}

EventLineReader::~EventLineReader()
{
    if (m_ahead.isValid())
        m_ahead.waitForFinished();
}

std::vector<EventLine> EventLineReader::next()
{
    std::vector<EventLine> chunk = m_ahead.isValid() ? m_ahead.result() : readAndParse();
    // One chunk in flight at a time: the device is only ever read by one thread.
    m_ahead = chunk.empty() ? QFuture<std::vector<EventLine>>() : QtConcurrent::run([this] { return readAndParse(); });
    return chunk;
}

std::vector<EventLine> EventLineReader::readAndParse()
{
    std::vector<EventLine> chunk;
    chunk.reserve(size_t(m_chunkLines));
    while (int(chunk.size()) < m_chunkLines && !m_in.atEnd()) {
        QByteArray line = m_in.readLine();
        if (line.isEmpty() && m_in.atEnd())
            break;
        ++m_lineNo;
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        // Editors on Windows start UTF-8 files with a byte-order mark; it is no part of the JSON.
        if (m_lineNo == 1 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3);
        if (line.trimmed().isEmpty())
            continue;
        chunk.push_back(EventLine{m_lineNo, parseFieldEvent(line, m_now)});
    }
    return chunk;
}

} // namespace fieldops::field
