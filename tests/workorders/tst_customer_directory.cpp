// The intake's customer type-ahead: what matches (words of the name, id, email; digits of
// the phone whatever its punctuation), in which order (names starting with the query, then
// a word starting with it, then the rest, alphabetical within each), and that typing on
// (narrowing the last answer) finds exactly what a fresh search finds.
#include "workorders/CustomerDirectory.h"

#include <QtTest>

using namespace fieldops::workorders;

class TestCustomerDirectory : public QObject {
    Q_OBJECT

    static QVector<CustomerEntry> customers()
    {
        return {
            {QStringLiteral("c1"), QStringLiteral("Padaria Maria"), QStringLiteral("+55 11 3456-7890"), QStringLiteral("pao@maria.example")},
            {QStringLiteral("c2"), QStringLiteral("Maria Silva"), QStringLiteral("(11) 99876-5432"), QStringLiteral("maria@silva.example")},
            {QStringLiteral("c3"), QStringLiteral("Mariana Lopes"), QString(), QString()},
            {QStringLiteral("c4"), QStringLiteral("Hotel Almaria"), QStringLiteral("3456 0000"), QString()},
            {QStringLiteral("c5"), QStringLiteral("Clínica São João"), QString(), QStringLiteral("contato@clinica.example")},
        };
    }
    static QStringList ids(CustomerDirectory &d, const QVector<int> &found)
    {
        QStringList out;
        for (int i : found)
            out << d.at(i).id;
        return out;
    }

private slots:
    void ranksAndMatches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("name start first, then a word, then inside") << QStringLiteral("maria")
                                                                    << QStringList{QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("c1"), QStringLiteral("c4")};
        QTest::newRow("two words, any order") << QStringLiteral("silva maria") << QStringList{QStringLiteral("c2")};
        QTest::newRow("phone digits through punctuation") << QStringLiteral("3456-78") << QStringList{QStringLiteral("c1")};
        QTest::newRow("phone with other punctuation") << QStringLiteral("99876 54") << QStringList{QStringLiteral("c2")};
        QTest::newRow("accents and case folded") << QStringLiteral("CLÍNICA são") << QStringList{QStringLiteral("c5")};
        QTest::newRow("by id") << QStringLiteral("c3") << QStringList{QStringLiteral("c3")};
        QTest::newRow("by email") << QStringLiteral("contato@") << QStringList{QStringLiteral("c5")};
        // The word's first letter occurs before the match without the rest after it
        // ("a" of "hotel almaria"); only inner matches, so alphabetical.
        QTest::newRow("first letter seen before the match")
            << QStringLiteral("aria m") << QStringList{QStringLiteral("c4"), QStringLiteral("c2"), QStringLiteral("c3"), QStringLiteral("c1")};
        QTest::newRow("the last letters of an entry") << QStringLiteral("silva.example") << QStringList{QStringLiteral("c2")};
        QTest::newRow("nobody") << QStringLiteral("zzz") << QStringList{};
        QTest::newRow("empty finds nobody") << QString() << QStringList{};
    }
    void ranksAndMatches()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, expected);
        CustomerDirectory d(customers());
        QCOMPARE(ids(d, d.search(query)), expected);
    }

    void typingOnFindsWhatAFreshSearchFinds()
    {
        CustomerDirectory typed(customers());
        const QString query = QStringLiteral("3456-7890");
        for (int n = 1; n <= query.size(); ++n) {
            CustomerDirectory fresh(customers());
            QCOMPARE(ids(typed, typed.search(query.left(n))), ids(fresh, fresh.search(query.left(n))));
        }
        QCOMPARE(ids(typed, typed.search(query)), QStringList{QStringLiteral("c1")});
    }

    void limitKeepsTheBest()
    {
        CustomerDirectory d(customers());
        QCOMPARE(ids(d, d.search(QStringLiteral("maria"), 2)), (QStringList{QStringLiteral("c2"), QStringLiteral("c3")}));
    }
};

QTEST_GUILESS_MAIN(TestCustomerDirectory)
#include "tst_customer_directory.moc"
