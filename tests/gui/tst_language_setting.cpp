// Settings → Display → Language: the shipped languages are offered by their own names, the
// choice is stored for the next start (with a word saying so), "this computer's language"
// removes it, and a refused time zone on the same page stores no language either.
#include "GuiTestSupport.h"
#include "settings/ConsoleSettings.h"
#include "settings/DisplayPage.h"
#include "util/Translations.h"

#include <QComboBox>
#include <QLineEdit>
#include <QtTest>

using namespace fieldops;

class TestLanguageSetting : public QObject {
    Q_OBJECT

    // Picks the entry whose text starts with `typed` as a user does: focus and type.
    static void pick(QComboBox *combo, const QString &typed)
    {
        combo->setFocus(Qt::TabFocusReason);
        QTest::keyClicks(combo, typed);
    }

private slots:
    void initTestCase()
    {
        test::useScratchSettings(QStringLiteral("tst_language_setting"));
        QSettings().clear();
    }
    void cleanupTestCase() { QSettings().clear(); }

    void languagesAreOfferedByTheirOwnNames()
    {
        widgets::DisplayPage page;
        QComboBox *language = page.languageCombo();
        QCOMPARE(language->count(), int(shippedLanguages().size()) + 1);
        QVERIFY(language->itemText(0).contains(QLocale::system().name()) || language->itemText(0).contains(QLocale::system().nativeLanguageName(), Qt::CaseInsensitive));
        QStringList names;
        for (int i = 1; i < language->count(); ++i)
            names << language->itemText(i);
        QCOMPARE(names, (QStringList{QStringLiteral("American English"), QStringLiteral("Português (Brasil)"),
                                     QStringLiteral("Español de España"), QStringLiteral("简体中文 (中国)")}));
        QCOMPARE(language->currentIndex(), 0); // nothing chosen yet: this computer's
    }

    void choiceIsStoredForTheNextStart()
    {
        widgets::DisplayPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        pick(page.languageCombo(), QStringLiteral("Esp"));
        QCOMPARE(page.chosenLanguage(), QStringLiteral("es"));
        QVERIFY(page.apply());
        QCOMPARE(settings::language().get(), QStringLiteral("es"));
        QVERIFY2(page.message().contains(QLatin1String("next start")), qPrintable(page.message()));

        // A new page shows the stored choice; back to this computer's removes it.
        widgets::DisplayPage again;
        QCOMPARE(again.chosenLanguage(), QStringLiteral("es"));
        again.languageCombo()->setCurrentIndex(0);
        QVERIFY(again.apply());
        QVERIFY(!settings::language().isSet());
    }

    void refusedZoneStoresNoLanguage()
    {
        widgets::DisplayPage page;
        page.show();
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        pick(page.languageCombo(), QStringLiteral("Port"));
        QCOMPARE(page.chosenLanguage(), QStringLiteral("pt_BR"));
        page.zoneCombo()->lineEdit()->selectAll();
        QTest::keyClicks(page.zoneCombo()->lineEdit(), QStringLiteral("Mars/Olympus_Mons"));
        QVERIFY(!page.apply());
        QVERIFY(!settings::language().isSet());
    }
};

QTEST_MAIN(TestLanguageSetting)
#include "tst_language_setting.moc"
