#include "uitestsupport.h"

#include <models/incidentqueuemodel.h>
#include <ui/actioncontroller.h>
#include <ui/newincidentdialog.h>

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace nocturne;
using namespace nocturne::ui;
using namespace nocturne::ui::test;

namespace {

class NewIncidentDialogTest : public LoadedConsoleTest
{
protected:
    void SetUp() override
    {
        LoadedConsoleTest::SetUp();
        if (HasFatalFailure())
            return;
        dialog = openNewIncidentDialog(*console);
        ASSERT_NE(dialog, nullptr);
        ASSERT_TRUE(dialog->isVisible());
    }

    template<typename T>
    T *child(const char *name) const
    {
        T *w = dialog->findChild<T *>(QString::fromLatin1(name));
        EXPECT_NE(w, nullptr) << name;
        return w;
    }

    void choose(const char *combo, int level) const
    {
        auto *box = child<QComboBox>(combo);
        box->setCurrentIndex(box->findData(level));
    }

    QPushButton *okButton() const
    {
        return dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
    }

    NewIncidentDialog *dialog = nullptr;
};

} // namespace

TEST_F(NewIncidentDialogTest, PriorityFollowsImpactAndUrgencyAsTheyChange)
{
    auto *priority = child<QLabel>("computedPriority");
    EXPECT_EQ(priority->text(), QStringLiteral("Choose impact and urgency"));
    const struct { int impact, urgency; const char *label; } table[] = {
        { 1, 1, "P1 - Critical" }, { 1, 2, "P2 - High" }, { 2, 2, "P3 - Moderate" },
        { 3, 2, "P4 - Low" }, { 3, 3, "P5 - Planning" },
    };
    for (const auto &row : table) {
        choose("impact", row.impact);
        choose("urgency", row.urgency);
        EXPECT_EQ(priority->text(), QString::fromUtf8(row.label)) << row.impact << "/" << row.urgency;
        EXPECT_EQ(dialog->computedPriority(), QString::fromUtf8(row.label).mid(1, 1).toInt());
    }
}

TEST_F(NewIncidentDialogTest, SaysWhatIsMissingAndOnlyThenAllowsOk)
{
    auto *message = child<QLabel>("validationMessage");
    EXPECT_FALSE(okButton()->isEnabled());
    EXPECT_TRUE(message->text().contains(QStringLiteral("Enter a title.")));
    EXPECT_TRUE(message->text().contains(QStringLiteral("Choose the affected service.")));

    child<QLineEdit>("title")->setText(QStringLiteral("Checkout latency above 3 s"));
    auto *service = child<QComboBox>("service");
    service->setCurrentIndex(service->findData(QStringLiteral("Website")));
    ASSERT_GT(service->currentIndex(), 0);
    choose("impact", 2);
    EXPECT_FALSE(okButton()->isEnabled());
    EXPECT_EQ(message->text(), QStringLiteral("Choose the urgency."));
    choose("urgency", 1);
    EXPECT_TRUE(okButton()->isEnabled());
    EXPECT_TRUE(message->isHidden());
}

TEST_F(NewIncidentDialogTest, AcceptingOpensTheIncidentInTheDatabaseAndTheQueue)
{
    child<QLineEdit>("title")->setText(QStringLiteral("Dock door D7 stuck open"));
    auto *service = child<QComboBox>("service");
    service->setCurrentIndex(service->findData(QStringLiteral("Dock Management")));
    choose("impact", 2);
    choose("urgency", 1);
    QSignalSpy finished(console->session.get(), &ConsoleSession::commandsFinished);
    okButton()->click();
    ASSERT_TRUE(finished.wait(5000));
    const auto results = finished.at(0).at(1).value<QList<core::CommandResult>>();
    ASSERT_EQ(results.size(), 1);
    ASSERT_TRUE(results.first().ok()) << results.first().error.toStdString();

    const auto stored = database.incident(results.first().incident.id);
    ASSERT_TRUE(stored.has_value());
    EXPECT_EQ(stored->title, QStringLiteral("Dock door D7 stuck open"));
    EXPECT_EQ(stored->service, QStringLiteral("Dock Management"));
    EXPECT_EQ(stored->priority, 2);
    EXPECT_EQ(stored->reporter, QString::fromLatin1(TestUser));
    EXPECT_GE(console->session->queueModel()->rowOfIncident(stored->id), 0);
}
