// The CSV reader and the date reader of imports, on in-memory files with every quirk
// the exports have.
#include "core/import/csvreader.h"
#include "core/import/importdates.h"
#include "importtestsupport.h"
#include "testsupport.h"

#include <QBuffer>
#include <QDateTime>

#include <gtest/gtest.h>

using namespace nocturne::core;
using namespace nocturne::core::test;

namespace {

struct Read
{
    QList<CsvRecord> records;
    QStringList errors; // "line: message" of bad records and a fatal error
    bool fatal = false;
};

Read readAll(const QByteArray &bytes)
{
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    CsvReader reader(&buffer);
    Read out;
    CsvRecord record;
    for (;;) {
        const auto status = reader.next(&record);
        if (status == CsvReader::Status::End)
            break;
        if (status == CsvReader::Status::Fatal) {
            out.fatal = true;
            out.errors
                << QStringLiteral("%1: %2").arg(reader.errorLine()).arg(reader.errorString());
            break;
        }
        if (status == CsvReader::Status::BadRecord)
            out.errors
                << QStringLiteral("%1: %2").arg(reader.errorLine()).arg(reader.errorString());
        else
            out.records << record;
    }
    return out;
}

} // namespace

TEST(CsvReader, ReadsQuotedCommasDoubledQuotesAndNewlinesWithTheLineEachRecordStartsOn)
{
    const Read r = readAll("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n2,\"two\nlines\",z\n3,,\n");
    ASSERT_TRUE(r.errors.isEmpty()) << r.errors.join(u'\n').toStdString();
    ASSERT_EQ(r.records.size(), 4);
    EXPECT_EQ(r.records[1].fields, L({ "1", "x, y", "say \"hi\"" }));
    EXPECT_EQ(r.records[2].fields, L({ "2", "two\nlines", "z" }));
    EXPECT_EQ(r.records[3].fields, L({ "3", "", "" }));
    EXPECT_EQ(r.records[0].line, 1);
    EXPECT_EQ(r.records[1].line, 2);
    EXPECT_EQ(r.records[2].line, 3);
    EXPECT_EQ(r.records[3].line, 5); // the quoted newline moved it down one line
}

TEST(CsvReader, DropsAByteOrderMarkAndReadsCrlfAndALastLineWithoutNewline)
{
    const Read r = readAll("\xef\xbb\xbfnumber,state\r\nINC1,\"New\r\nline\"\r\nINC2,Active");
    ASSERT_TRUE(r.errors.isEmpty());
    ASSERT_EQ(r.records.size(), 3);
    EXPECT_EQ(r.records[0].fields.first(), QStringLiteral("number")); // no U+FEFF in front
    EXPECT_EQ(r.records[1].fields, L({ "INC1", "New\nline" }));
    EXPECT_EQ(r.records[2].fields, L({ "INC2", "Active" }));
    EXPECT_EQ(r.records[2].line, 4);
}

TEST(CsvReader, ReadsUtf8TextAcrossItsChunks)
{
    QByteArray big = "name,city\n";
    for (int i = 0; i < 20000; ++i)
        big += "Zoë,\"Malmö, Skåne\"\n";
    const Read r = readAll(big);
    ASSERT_EQ(r.records.size(), 20001);
    EXPECT_EQ(r.records.last().fields,
        (QStringList { QStringLiteral("Zoë"), QStringLiteral("Malmö, Skåne") }));
    EXPECT_EQ(r.records.last().line, 20001);
}

TEST(CsvReader, ReportsAQuoteInAnUnquotedFieldWithItsLineAndReadsOn)
{
    const Read r = readAll("a,b\n1,ab\"c\n2,ok\n");
    ASSERT_EQ(r.errors.size(), 1);
    EXPECT_TRUE(
        r.errors[0].startsWith(QStringLiteral("2: line 2: a quote inside an unquoted field")))
        << r.errors[0].toStdString();
    ASSERT_EQ(r.records.size(), 2);
    EXPECT_EQ(r.records[1].fields, L({ "2", "ok" }));
    EXPECT_EQ(r.records[1].line, 3);
}

TEST(CsvReader, ReportsTextAfterAClosingQuote)
{
    const Read r = readAll("a,b\n\"x\"y,1\n");
    ASSERT_EQ(r.errors.size(), 1);
    EXPECT_TRUE(r.errors[0].contains(QStringLiteral("after the closing quote")));
}

TEST(CsvReader, StopsAtAQuoteLeftOpenAtTheEndNamingTheLineWhereItOpened)
{
    const Read r = readAll("a,b\n1,2\n3,\"never\nclosed\n");
    ASSERT_TRUE(r.fatal);
    EXPECT_TRUE(r.errors.last().startsWith(QStringLiteral("3: line 3: a quoted field")))
        << r.errors.last().toStdString();
    EXPECT_EQ(r.records.size(), 2);
}

TEST(CsvReader, RefusesAFileThatIsNotUtf8)
{
    const Read r = readAll("a,b\n\xff\xfe\x00\x01,2\n");
    EXPECT_TRUE(r.fatal);
    EXPECT_TRUE(r.errors.last().contains(QStringLiteral("not UTF-8")));
}

TEST(ImportDates, ReadsDayFirstDatesAndTreatsQuestionMarksAndEmptyCellsAsNull)
{
    const ImportDates dates({ QStringLiteral("d/M/yyyy HH:mm") });
    qint64 ms = 0;
    ASSERT_EQ(dates.parse(u"29/2/2016 01:16", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2016, 2, 29, 1, 16));
    ASSERT_EQ(dates.parse(u" 6/3/2016 12:00 ", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2016, 3, 6, 12, 0));
    EXPECT_EQ(dates.parse(u"?", &ms), ImportDates::Result::Null);
    EXPECT_EQ(dates.parse(u"", &ms), ImportDates::Result::Null);
    EXPECT_EQ(dates.parse(u"29/2/2015 01:16", &ms),
        ImportDates::Result::Invalid); // no 29 February in 2015
    EXPECT_EQ(dates.parse(u"2016-02-29 01:16", &ms), ImportDates::Result::Invalid);
}

TEST(ImportDates, TriesFormatsInOrderAndReadsIsoWithAndWithoutAnOffset)
{
    const ImportDates dates({ QStringLiteral("yyyy-MM-dd HH:mm:ss"), QStringLiteral("ISO") });
    qint64 ms = 0;
    ASSERT_EQ(dates.parse(u"2016-02-29 01:16:30", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2016, 2, 29, 1, 16, 30));
    ASSERT_EQ(dates.parse(u"2016-02-29T01:16:00+02:00", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2016, 2, 28, 23, 16));
    ASSERT_EQ(dates.parse(u"2016-02-29T01:16:00", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2016, 2, 29, 1, 16));
}

TEST(ImportDates, ReadsJiraDatesWithEnglishMonthsTwoDigitYearsAndAmPm)
{
    const ImportDates dates({ QStringLiteral("dd/MMM/yy h:mm AP") });
    qint64 ms = 0;
    ASSERT_EQ(dates.parse(u"27/Nov/26 9:41 AM", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2026, 11, 27, 9, 41));
    ASSERT_EQ(dates.parse(u"27/nov/26 12:05 PM", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2026, 11, 27, 12, 5));
    ASSERT_EQ(dates.parse(u"01/Dec/99 12:30 AM", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(1999, 12, 1, 0, 30));
}

TEST(ImportDates, ReadsTimesWithoutAnOffsetInTheGivenZone)
{
    const ImportDates berlin(
        { QStringLiteral("d/M/yyyy H:mm"), QStringLiteral("ISO") }, QTimeZone("Europe/Berlin"));
    qint64 ms = 0;
    ASSERT_EQ(berlin.parse(u"1/7/2016 12:00", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2016, 7, 1, 10, 0)); // CEST, UTC+2
    ASSERT_EQ(berlin.parse(u"2016-01-01T12:00:00", &ms), ImportDates::Result::Ok);
    EXPECT_EQ(ms, utc(2016, 1, 1, 11, 0)); // CET, UTC+1
}

TEST(ImportDates, ExplainsFormatsItCannotUse)
{
    EXPECT_TRUE(ImportDates::formatError(QStringLiteral("d/M/yyyy HH:mm")).isEmpty());
    EXPECT_TRUE(ImportDates::formatError(QStringLiteral("iso")).isEmpty());
    EXPECT_TRUE(ImportDates::formatError(QStringLiteral("HH:mm"))
                    .contains(QStringLiteral("must name the day")));
    EXPECT_TRUE(ImportDates::formatError(QStringLiteral("d/M/yyyy h:mm"))
                    .contains(QStringLiteral("AM/PM")));
    EXPECT_TRUE(
        ImportDates::formatError(QStringLiteral("dddd d/M/yyyy")).contains(QStringLiteral("dddd")));
}
