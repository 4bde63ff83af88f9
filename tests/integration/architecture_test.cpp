// The dependency rules of DESIGN.md, checked on the real sources and link lines:
// app -> ui -> models -> core; core is GUI-free; SQL stays out of models and widgets.
#include <gtest/gtest.h>

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTextStream>

namespace {

const QString sourceRoot = QStringLiteral(NOCTURNE_SOURCE_DIR);

struct Include
{
    QString file;
    int line;
    QString header;
};

QList<Include> includesUnder(const QString &folder)
{
    static const QRegularExpression include(QStringLiteral(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])"));
    QList<Include> found;
    QDirIterator it(sourceRoot + QLatin1Char('/') + folder, { QStringLiteral("*.h"), QStringLiteral("*.cpp") },
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QTextStream in(&file);
        int number = 0;
        while (!in.atEnd()) {
            const QString text = in.readLine();
            ++number;
            if (const auto m = include.match(text); m.hasMatch())
                found << Include { path.mid(sourceRoot.size() + 1), number, m.captured(1) };
        }
    }
    return found;
}

void expectNoInclude(const QString &folder, const QRegularExpression &forbidden, const char *rule)
{
    const QList<Include> includes = includesUnder(folder);
    ASSERT_FALSE(includes.isEmpty()) << "no sources found under " << folder.toStdString();
    for (const Include &i : includes)
        EXPECT_FALSE(forbidden.match(i.header).hasMatch())
            << rule << ": " << i.file.toStdString() << ':' << i.line << " includes " << i.header.toStdString();
}

QStringList linkLibrariesOf(const QString &target)
{
    QFile file(QStringLiteral(NOCTURNE_LINK_FILE));
    if (!file.open(QIODevice::ReadOnly))
        return { QStringLiteral("<missing link file>") };
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString text = QString::fromUtf8(line);
        if (text.startsWith(target + QLatin1Char('=')))
            return text.mid(target.size() + 1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    }
    return {};
}

TEST(Architecture, CoreIsGuiFree)
{
    expectNoInclude(QStringLiteral("core"),
                    QRegularExpression(QStringLiteral(R"(^(QtWidgets|QtGui|QWidget|QApplication|QGuiApplication|QColor|QIcon|QPixmap|QFont|QPainter)|^(ui|models)/)")),
                    "core must not use the GUI or the layers above it");
}

TEST(Architecture, ModelsDoNotReachUpToWidgets)
{
    expectNoInclude(QStringLiteral("models"),
                    QRegularExpression(QStringLiteral(R"(^(QtWidgets|QWidget|QApplication|QMainWindow|QDialog)|^ui/)")),
                    "models sit below ui");
}

TEST(Architecture, NoSqlInModelsOrWidgets)
{
    const QRegularExpression sql(QStringLiteral(R"(^(QtSql|QSql\w*|sqlite3\.h)|storage/(database|sqlitestatement|rowmapping|migrations)\.h)"));
    expectNoInclude(QStringLiteral("models"), sql, "SQL lives in core/storage");
    expectNoInclude(QStringLiteral("ui"), sql, "SQL lives in core/storage");
}

TEST(Architecture, CoreLinksOnlyQtCoreSqlAndNetwork)
{
    const QStringList libraries = linkLibrariesOf(QStringLiteral("nocturne_core"));
    ASSERT_FALSE(libraries.isEmpty());
    for (const QString &library : libraries) {
        QString name = library;
        name.remove(QStringLiteral("$<LINK_ONLY:")).remove(QLatin1Char('>'));
        const bool allowed = name.startsWith(QLatin1StringView("Qt6::Core")) || name.startsWith(QLatin1StringView("Qt6::Sql"))
            || name.startsWith(QLatin1StringView("Qt6::Network")) || name.startsWith(QLatin1StringView("SQLite::SQLite3"))
            || name.startsWith(QLatin1StringView("Nocturne::CompileSettings")) || name.contains(QLatin1StringView("resources"))
            || name.contains(QLatin1StringView("demo_scenarios"));
        EXPECT_TRUE(allowed) << "nocturne_core links " << library.toStdString();
    }
}

TEST(Architecture, ReportLibraryRendersWithoutWidgets)
{
    // report/ turns documents into PDFs with QtGui only, so the CLI can use it headless.
    expectNoInclude(QStringLiteral("report"),
                    QRegularExpression(QStringLiteral(R"(^(QtWidgets|QWidget|QApplication|QMainWindow|QDialog)|^(ui|models)/)")),
                    "report/ sits on core and QtGui only");
    const QStringList report = linkLibrariesOf(QStringLiteral("nocturne_report"));
    EXPECT_TRUE(report.join(u' ').contains(QStringLiteral("Nocturne::Core")));
    for (const char *forbidden : { "Qt6::Widgets", "Nocturne::Ui", "Nocturne::Models" })
        EXPECT_FALSE(report.join(u' ').contains(QLatin1StringView(forbidden))) << "nocturne_report links " << forbidden;
}

TEST(Architecture, LayersLinkDownwardOnly)
{
    const QStringList models = linkLibrariesOf(QStringLiteral("nocturne_models"));
    EXPECT_TRUE(models.join(u' ').contains(QStringLiteral("Nocturne::Core")));
    EXPECT_FALSE(models.join(u' ').contains(QStringLiteral("Nocturne::Ui")));
    EXPECT_FALSE(models.join(u' ').contains(QStringLiteral("Qt6::Widgets")));
    const QStringList ctl = linkLibrariesOf(QStringLiteral("nocturnectl"));
    EXPECT_FALSE(ctl.join(u' ').contains(QStringLiteral("Nocturne::Ui")));
    EXPECT_FALSE(ctl.join(u' ').contains(QStringLiteral("Qt6::Widgets")));
    // The CLI may render PDFs (Nocturne::Report, QtGui) but never widgets.
    for (const QString &library : ctl) {
        const bool allowed = !library.startsWith(QLatin1StringView("Nocturne::")) || library == QLatin1StringView("Nocturne::Core")
            || library == QLatin1StringView("Nocturne::Report") || library == QLatin1StringView("Nocturne::CompileSettings");
        EXPECT_TRUE(allowed) << "nocturnectl links " << library.toStdString();
    }
}

TEST(Architecture, ServerLibraryIsGuiFreeAndSitsOnCore)
{
    // app -> server -> core: the REST library links the core, QtNetwork and QtHttpServer,
    // never the GUI or the layers above the core.
    expectNoInclude(QStringLiteral("server"),
                    QRegularExpression(QStringLiteral(R"(^(QtWidgets|QtGui|QWidget|QApplication|QGuiApplication|QColor|QIcon|QPixmap)|^(ui|models|report)/)")),
                    "server/ sits on core only");
    const QStringList server = linkLibrariesOf(QStringLiteral("nocturne_server"));
    ASSERT_FALSE(server.isEmpty());
    EXPECT_TRUE(server.join(u' ').contains(QStringLiteral("Nocturne::Core")));
    for (const QString &library : server) {
        QString name = library;
        name.remove(QStringLiteral("$<LINK_ONLY:")).remove(QLatin1Char('>'));
        const bool allowed = name == QLatin1StringView("Nocturne::Core") || name == QLatin1StringView("Nocturne::CompileSettings")
            || name == QLatin1StringView("Qt6::Core") || name == QLatin1StringView("Qt6::Network")
            || name == QLatin1StringView("Qt6::HttpServer");
        EXPECT_TRUE(allowed) << "nocturne_server links " << library.toStdString();
    }
    const QStringList app = linkLibrariesOf(QStringLiteral("nocturne-server"));
    EXPECT_TRUE(app.join(u' ').contains(QStringLiteral("Nocturne::Server")));
    for (const char *forbidden : { "Qt6::Widgets", "Qt6::Gui", "Nocturne::Ui", "Nocturne::Models", "Nocturne::Report" })
        EXPECT_FALSE(app.join(u' ').contains(QLatin1StringView(forbidden))) << "nocturne-server links " << forbidden;
}

} // namespace
