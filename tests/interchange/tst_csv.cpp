// RFC 4180 reading and writing: quotes, doubled quotes, commas and line breaks inside
// quotes, CRLF or LF, BOM, physical line numbers, and malformed input with its line.
#include "interchange/CsvReader.h"
#include "interchange/CsvWriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace fieldops::interchange;

namespace {
QList<CsvRecord> readAll(const QString &text, QString *error = nullptr, int *errorLine = nullptr)
{
    CsvReader reader(text);
    QList<CsvRecord> out;
    CsvRecord rec;
    while (reader.next(rec))
        out << rec;
    if (error)
        *error = reader.errorString();
    if (errorLine)
        *errorLine = reader.errorLine();
    return out;
}
} // namespace

class TestCsv : public QObject {
    Q_OBJECT
private slots:
    void readsQuotingAndLineEnds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<QStringList>>("cells");
        QTest::addColumn<QList<int>>("lines");
        const QString a = QStringLiteral("a"), b = QStringLiteral("b"), c = QStringLiteral("c");
        QTest::newRow("LF") << QStringLiteral("a,b\nc,d\n") << QList<QStringList>{{a, b}, {c, QStringLiteral("d")}} << QList<int>{1, 2};
        QTest::newRow("CRLF") << QStringLiteral("a,b\r\nc,d\r\n") << QList<QStringList>{{a, b}, {c, QStringLiteral("d")}} << QList<int>{1, 2};
        QTest::newRow("no final newline") << QStringLiteral("a,b\nc,d") << QList<QStringList>{{a, b}, {c, QStringLiteral("d")}} << QList<int>{1, 2};
        QTest::newRow("empty cells") << QStringLiteral(",,\n") << QList<QStringList>{{QString(), QString(), QString()}} << QList<int>{1};
        QTest::newRow("comma in quotes") << QStringLiteral("\"x, y\",b\n") << QList<QStringList>{{QStringLiteral("x, y"), b}} << QList<int>{1};
        QTest::newRow("doubled quotes") << QStringLiteral("\"say \"\"hi\"\"\",b\n") << QList<QStringList>{{QStringLiteral("say \"hi\""), b}} << QList<int>{1};
        QTest::newRow("multi-line cell counts its lines")
            << QStringLiteral("h1,h2\n1,\"line one\nline two\nline three\"\n2,x\n")
            << QList<QStringList>{{QStringLiteral("h1"), QStringLiteral("h2")},
                                  {QStringLiteral("1"), QStringLiteral("line one\nline two\nline three")},
                                  {QStringLiteral("2"), QStringLiteral("x")}}
            << QList<int>{1, 2, 5};
        QTest::newRow("CRLF inside quotes kept, lines counted")
            << QStringLiteral("\"a\r\nb\",c\r\nd,e\r\n")
            << QList<QStringList>{{QStringLiteral("a\r\nb"), c}, {QStringLiteral("d"), QStringLiteral("e")}} << QList<int>{1, 3};
        QTest::newRow("unicode") << QStringLiteral("São Paulo,李雷,😀\n")
                                 << QList<QStringList>{{QStringLiteral("São Paulo"), QStringLiteral("李雷"), QStringLiteral("😀")}} << QList<int>{1};
        QTest::newRow("quoted empty") << QStringLiteral("\"\",b\n") << QList<QStringList>{{QString(), b}} << QList<int>{1};
    }
    void readsQuotingAndLineEnds()
    {
        QFETCH(QString, text);
        QFETCH(QList<QStringList>, cells);
        QFETCH(QList<int>, lines);
        QString error;
        const auto records = readAll(text, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(records.size(), cells.size());
        for (int i = 0; i < records.size(); ++i) {
            QCOMPARE(records.at(i).cells, cells.at(i));
            QCOMPARE(records.at(i).line, lines.at(i));
        }
    }

    void blankLineIsOneEmptyCell()
    {
        const auto records = readAll(QStringLiteral("a\n\nb\n"));
        QCOMPARE(records.size(), 3);
        QVERIFY(records.at(1).isBlank());
        QCOMPARE(records.at(2).line, 3);
    }

    void malformedInputNamesTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        QTest::newRow("never closed") << QStringLiteral("a,b\n1,\"open\nstill open\n") << 2 << QStringLiteral("never closed");
        QTest::newRow("text after quote") << QStringLiteral("a,b\n1,2\n\"x\"y,3\n") << 3 << QStringLiteral("after a closing quote");
        QTest::newRow("bare quote") << QStringLiteral("a,b\nx\"y,1\n") << 2 << QStringLiteral("quote inside an unquoted cell");
    }
    void malformedInputNamesTheLine()
    {
        QFETCH(QString, text);
        QFETCH(int, line);
        QFETCH(QString, message);
        QString error;
        int errorLine = 0;
        readAll(text, &error, &errorLine);
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(errorLine, line);
    }

    void readsUtf8FileDroppingBom()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("x.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\xEF\xBB\xBF" "code,name\r\nel,\xC3\x89lectrique\r\n");
        f.close();
        auto text = CsvReader::readUtf8File(path);
        QVERIFY(text.ok());
        const auto records = readAll(*text);
        QCOMPARE(records.size(), 2);
        QCOMPARE(records.at(0).cells.first(), QStringLiteral("code"));
        QCOMPARE(records.at(1).cells.at(1), QStringLiteral("Électrique"));
    }

    void rejectsInvalidUtf8()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("code,name\nx,ok\r\ny,\xFF\xFE\n");
        f.close();
        int line = 0;
        auto text = CsvReader::readUtf8File(path, &line);
        QVERIFY(!text.ok());
        QVERIFY(text.error().message.contains(QLatin1String("UTF-8")));
        QCOMPARE(line, 3);
    }

    void rejectsUtf8CutOffAtTheEnd()
    {
        // The first two bytes of "é…" and then the file ends: a stateful decoder would keep them
        // waiting for the rest and report nothing.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cut.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("code,name\nx,caf\xE2\x80");
        f.close();
        int line = 0;
        auto text = CsvReader::readUtf8File(path, &line);
        QVERIFY(!text.ok());
        QCOMPARE(line, 2);
    }

    void writerQuotesOnlyWhenNeeded_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("written");
        QTest::newRow("plain") << QStringLiteral("abc") << QStringLiteral("abc");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("comma") << QStringLiteral("a,b") << QStringLiteral("\"a,b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\nb\"");
        QTest::newRow("leading space") << QStringLiteral(" a") << QStringLiteral("\" a\"");
        QTest::newRow("unicode") << QStringLiteral("Ótimo 李") << QStringLiteral("Ótimo 李");
    }
    void writerQuotesOnlyWhenNeeded()
    {
        QFETCH(QString, cell);
        QFETCH(QString, written);
        QCOMPARE(CsvWriter::formatCell(cell), written);
    }

    void writtenRecordsReadBackIdentically()
    {
        const QList<QStringList> rows{
            {QStringLiteral("id"), QStringLiteral("comment")},
            {QStringLiteral("1"), QStringLiteral("first line\nsecond, with comma\r\nthird \"quoted\"")},
            {QStringLiteral("2"), QString()},
            {QStringLiteral("3"), QStringLiteral("  padded  ")},
        };
        CsvWriter w;
        for (const QStringList &r : rows)
            w.addRecord(r);
        const QString text = QString::fromUtf8(w.toUtf8());
        QVERIFY(text.endsWith(QLatin1String("\r\n")));
        const auto back = readAll(text);
        QCOMPARE(back.size(), rows.size());
        for (int i = 0; i < rows.size(); ++i)
            QCOMPARE(back.at(i).cells, rows.at(i));
        QCOMPARE(back.at(2).line, 5); // record 2 started after a cell spanning three lines
    }
};

QTEST_GUILESS_MAIN(TestCsv)
#include "tst_csv.moc"
