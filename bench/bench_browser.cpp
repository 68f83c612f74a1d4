// Table browser at scale: pages of a 10M-row table against the same for a
// 1,000-row table, and against DB Browser for SQLite's method, in one run.
//
// Workload: tables `big` (N rows, default 10,000,000) and `small` (1,000
// rows) of the same shape — id bigint primary key (SQLite: INTEGER PRIMARY
// KEY, its 64-bit rowid), name text, amount numeric(12,2), created
// timestamptz (SQLite: text), flag boolean, note text (every 7th NULL) — in a
// scratch PostgreSQL database (tw_bench_browser) and a SQLite file
// (/tmp/tw_bench_browser.sqlite), both kept so --reuse can skip generating.
// Measured through the real front doors (data::describeTable,
// data::startPageLoad over a db::ConnectionRegistry, 200-row pages): first
// page, last page and the middle (Fraction 0.5), median of 5 on a warm
// connection; then 1,000 random positions visited through ui::TableModel in
// an offscreen QApplication, as the grid does (data() asks, events run until
// the row is loaded), with the time per position and VmRSS after each.
// Reference: DB Browser for SQLite's row loader (src/RowLoader.cpp, RowCache):
// `ORDER BY id LIMIT 200 OFFSET k` chunks read in a pool job, every chunk ever
// read kept; the same first/last/middle and random positions (fewer on the
// big table: each deep OFFSET walks the table), with its memory extrapolated
// to 1,000 positions from the bytes it kept per row.
// Goals (issue 5): first page < 50 ms and <= 1.5x the 1k table's; any
// position < 0.5 s; RSS < 150 MB and flat while visiting. Prints PASS/MISS.
//
// Needs TW_TEST_PG_* for PostgreSQL (tools/bench.sh starts a throw-away server).
//   bench_browser [--rows N] [--positions P] [--reference-positions R]
//                 [--engine pg|sqlite|both] [--reuse] [--visit-budget S]
// --visit-budget: seconds per table for the model's positions (default 180);
// fewer positions are visited, and said so, when it runs out.
#include "bench_browser_support.h"

#include "browser/TableModel.h"
#include "data/DataService.h"
#include "data/PagePosition.h"
#include "data/PageSql.h"
#include "db/ConnectionRegistry.h"

#include <QApplication>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>

using namespace tw;
using namespace tw::bench;

namespace {

struct Ours
{
    double describeMs = 0;
    double first = 0, last = 0, middle = 0;          // medians
    double firstCold = 0;                            // first call: statements not yet prepared
    double slowestAnchor = 0;                        // any single sample
    double middleLanded = 0;
    double middleLocate = 0;                         // of the middle: finding where 0.5 is
    double openMs = 0;                               // setTable() until row 0 shows
    std::vector<double> visits;
    double rssStart = 0, rssMax = 0, rssEnd = 0, rssWarm = 0;
    int cachedPages = 0;
    int cacheCapacity = 0;
    int gone = 0, timedOut = 0;
    quint64 idleJobs = 0;                            // pool jobs in the second after opening, hands off
    quint64 visitJobs = 0;                           // pool jobs while visiting
};

double timePage(db::ConnectionRegistry &registry, const QString &connection, const data::TableShape &shape,
                data::PageAnchor anchor, data::Page *keep = nullptr)
{
    data::PageRequest request;
    request.anchor = anchor;
    request.limit = kPage;
    QElapsedTimer timer;
    timer.start();
    auto job = data::startPageLoad(registry, connection, shape, request);
    data::Page page = await(job.future, QStringLiteral("page load"));
    const double ms = msSince(timer);
    if (page.rows.isEmpty())
        fail(QStringLiteral("an empty page from %1").arg(shape.table.displayName()));
    if (keep)
        *keep = std::move(page);
    return ms;
}

void measureAnchors(db::ConnectionRegistry &registry, const QString &connection, const data::TableShape &shape, Ours &r)
{
    using A = data::PageAnchor;
    std::vector<double> describe, first, last, middle;
    r.firstCold = timePage(registry, connection, shape, A::first());
    timePage(registry, connection, shape, A::last());
    timePage(registry, connection, shape, A::at(0.5));
    for (int i = 0; i < kRepeats; ++i) {
        QElapsedTimer timer;
        timer.start();
        await(data::describeTable(registry, connection, shape.table), QStringLiteral("describe"));
        describe.push_back(msSince(timer));
        first.push_back(timePage(registry, connection, shape, A::first()));
        last.push_back(timePage(registry, connection, shape, A::last()));
        data::Page page;
        middle.push_back(timePage(registry, connection, shape, A::at(0.5), &page));
        r.middleLanded = page.startFraction;
    }
    r.describeMs = median(describe);
    r.first = median(first);
    r.last = median(last);
    r.middle = median(middle);
    r.slowestAnchor = std::max({maxOf(first), maxOf(last), maxOf(middle)});

    // Where the middle's time goes: locating the fraction alone (PagePosition),
    // in a job of the same pool, timed inside the job.
    std::vector<double> locate;
    for (int i = 0; i < kRepeats; ++i) {
        locate.push_back(await(registry.pool(connection)->run([shape](db::Session &s) -> Result<double> {
            data::PageRequest request;
            request.anchor = data::PageAnchor::at(0.5);
            auto sql = data::PageSql::make(s.dialect(), shape, request);
            if (!sql.ok())
                return sql.error();
            QElapsedTimer timer;
            timer.start();
            auto target = data::locateFraction(s, sql.value(), 0.5);
            if (!target.ok())
                return target.error();
            return msSince(timer);
        }), QStringLiteral("locate the middle")));
    }
    r.middleLocate = median(locate);
}

// Waits, running events, until `done` or `limitMs`; false on timeout.
template<typename Pred>
bool spinUntil(Pred done, double limitMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (msSince(timer) > limitMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    }
    return true;
}

// The grid's path: data() on a row whose page is missing asks for it in the
// background; the row shows once the page lands (IsLoadedRole).
void visitModel(db::ConnectionRegistry &registry, const QString &connection, const data::TableShape &shape,
                int positions, int budgetS, Ours &r)
{
    ui::TableModel model(&registry);
    Error lastError;
    int errors = 0;
    QObject::connect(&model, &ui::TableModel::loadFailed, [&](const Error &e) { lastError = e; ++errors; });
    QTimer tick;   // WaitForMoreEvents must wake up to check the clock
    tick.start(50);
    const auto loaded = [&model](int row) { return model.data(model.index(row, 0), ui::TableModel::IsLoadedRole).toBool(); };

    QElapsedTimer timer;
    timer.start();
    model.setTable(connection, shape);
    if (!spinUntil([&] { return model.rowCount() > 0 && loaded(0); }, 30000) || errors)
        fail(QStringLiteral("the model did not show %1: %2").arg(shape.table.displayName(), lastError.toString()));
    r.openMs = msSince(timer);
    // A second with hands off: the estimate and the neighbour prefetch land;
    // anything the model keeps reading after that is background load.
    const auto pool = registry.pool(connection);
    const quint64 jobsAtOpen = pool->stats().completed;
    spinUntil([] { return false; }, 1000);
    r.idleJobs = pool->stats().completed - jobsAtOpen;
    const bool verbose = !qEnvironmentVariableIsEmpty("TW_BENCH_VERBOSE");

    QRandomGenerator random(20261127);
    r.rssStart = r.rssMax = rssMb();
    QElapsedTimer budget;
    budget.start();
    const quint64 jobsBefore = pool->stats().completed;
    bool warm = false;
    for (int i = 0; i < positions && budget.elapsed() < budgetS * 1000LL; ++i) {
        const int row = int(random.bounded(quint32(model.rowCount())));
        timer.restart();
        (void)model.data(model.index(row, 0), Qt::DisplayRole);
        const bool ok = spinUntil([&] { return row >= model.rowCount() || loaded(row) || errors; }, 10000);
        r.visits.push_back(msSince(timer));
        if (errors)
            fail(QStringLiteral("loading row %1 failed: %2").arg(row).arg(lastError.toString()));
        if (!ok)
            ++r.timedOut;
        else if (row >= model.rowCount())
            ++r.gone;   // a page found the data ending before the estimate
        const double rss = rssMb();
        if (verbose)
            out() << QStringLiteral("    visit %1: row %2 of %3, %4 ms, %5 jobs so far, cache %6 pages\n")
                         .arg(i).arg(row).arg(model.rowCount()).arg(r.visits.back(), 0, 'f', 1)
                         .arg(pool->stats().completed - jobsBefore).arg(model.cache().pageCount());
        r.rssMax = std::max(r.rssMax, rss);
        // Flat means: no growth once the cache is full and 10% of the visits are done.
        if (!warm && i >= positions / 10 && model.cache().pageCount() >= model.cache().capacity()) {
            warm = true;
            r.rssWarm = rss;
        }
    }
    r.rssEnd = rssMb();
    if (!warm)
        r.rssWarm = r.rssStart;
    r.visitJobs = pool->stats().completed - jobsBefore;
    r.cachedPages = model.cache().pageCount();
    r.cacheCapacity = model.cache().capacity();
}

// ---- report -----------------------------------------------------------------

struct Run
{
    QString engine;
    Ours big, small;
    Reference refBig, refSmall;
};

QString ms(double v) { return v >= 100 ? QString::number(v, 'f', 0) : QString::number(v, 'f', v >= 10 ? 1 : 2); }
QString mb(double v) { return QString::number(v, 'f', 1); }
const char *verdict(bool pass) { return pass ? "PASS" : "MISS"; }

void line(const QString &what, const QString &a, const QString &b, const QString &c, const QString &d)
{
    out() << QStringLiteral("  %1 %2 %3 %4 %5\n").arg(what, -34).arg(a, 12).arg(b, 12).arg(c, 12).arg(d, 12);
}

int report(const Run &run, qint64 bigRows)
{
    const Ours &b = run.big, &s = run.small;
    const Reference &rb = run.refBig, &rs = run.refSmall;
    out() << "\n" << run.engine << " (big = " << bigRows << " rows, small = " << kSmallRows << "; " << kPage
          << "-row pages; times in ms)\n";
    line(QString(), QStringLiteral("ours big"), QStringLiteral("ours small"), QStringLiteral("DB4S big"), QStringLiteral("DB4S small"));
    line(QStringLiteral("describe table (median of 5)"), ms(b.describeMs), ms(s.describeMs), QStringLiteral("-"), QStringLiteral("-"));
    line(QStringLiteral("row count (DB4S: count(*))"), QStringLiteral("estimate"), QStringLiteral("estimate"), ms(rb.countMs), ms(rs.countMs));
    line(QStringLiteral("first page (median of 5)"), ms(b.first), ms(s.first), ms(rb.first), ms(rs.first));
    line(QStringLiteral("last page (median of 5)"), ms(b.last), ms(s.last), ms(rb.last), ms(rs.last));
    line(QStringLiteral("middle (median of 5)"), ms(b.middle), ms(s.middle), ms(rb.middle), ms(rs.middle));
    line(QStringLiteral("  of which locating 0.5 (in the job)"), ms(b.middleLocate), ms(s.middleLocate), QStringLiteral("-"), QStringLiteral("-"));
    line(QStringLiteral("first call (cold statements)"), ms(b.firstCold), ms(s.firstCold), QStringLiteral("-"), QStringLiteral("-"));
    line(QStringLiteral("model open: setTable to row 0"), ms(b.openMs), ms(s.openMs), QStringLiteral("-"), QStringLiteral("-"));
    line(QStringLiteral("random positions visited"), QString::number(b.visits.size()), QString::number(s.visits.size()),
         QString::number(rb.positions), QString::number(rs.positions));
    line(QStringLiteral("  per position median"), ms(median(b.visits)), ms(median(s.visits)), ms(median(rb.visits)), ms(median(rs.visits)));
    line(QStringLiteral("  per position p95"), ms(percentile(b.visits, 0.95)), ms(percentile(s.visits, 0.95)),
         ms(percentile(rb.visits, 0.95)), ms(percentile(rs.visits, 0.95)));
    line(QStringLiteral("  per position max"), ms(maxOf(b.visits)), ms(maxOf(s.visits)), ms(maxOf(rb.visits)), ms(maxOf(rs.visits)));
    line(QStringLiteral("RSS start / max / end (MB)"), mb(b.rssStart) + QLatin1Char('/') + mb(b.rssMax) + QLatin1Char('/') + mb(b.rssEnd),
         mb(s.rssStart) + QLatin1Char('/') + mb(s.rssMax) + QLatin1Char('/') + mb(s.rssEnd),
         mb(rb.rssStart) + QStringLiteral("->") + mb(rb.rssEnd), mb(rs.rssStart) + QStringLiteral("->") + mb(rs.rssEnd));
    line(QStringLiteral("RSS at 1,000 positions (MB)"), mb(b.rssEnd), mb(s.rssEnd), mb(rb.rssAt1000) + QLatin1Char('*'), mb(rs.rssAt1000));
    line(QStringLiteral("pool jobs: idle 1 s after open"), QString::number(b.idleJobs), QString::number(s.idleJobs), QStringLiteral("-"), QStringLiteral("-"));
    line(QStringLiteral("pool jobs per position visited"), QString::number(double(b.visitJobs) / std::max<size_t>(1, b.visits.size()), 'f', 2),
         QString::number(double(s.visitJobs) / std::max<size_t>(1, s.visits.size()), 'f', 2), QStringLiteral("-"), QStringLiteral("-"));
    line(QStringLiteral("rows kept at the end"), QString::number(qint64(b.cachedPages) * kPage), QString::number(qint64(s.cachedPages) * kPage),
         QString::number(rb.keptRows), QString::number(rs.keptRows));
    out() << QStringLiteral("  (model cache: %1 and %2 pages of %3 at most; %4 positions timed out, %5 landed past the data's end;"
                            " middle landed at %6; * extrapolated from the bytes kept per row)\n")
                 .arg(b.cachedPages).arg(s.cachedPages).arg(b.cacheCapacity).arg(b.timedOut + s.timedOut).arg(b.gone + s.gone)
                 .arg(b.middleLanded, 0, 'f', 3);

    out() << "  ours / DB4S on the big table: first " << QString::number(b.first / rb.first, 'f', 2)
          << "x, last " << QString::number(b.last / rb.last, 'f', 3) << "x, middle " << QString::number(b.middle / rb.middle, 'f', 3)
          << "x, position p95 " << QString::number(percentile(b.visits, 0.95) / std::max(1e-3, percentile(rb.visits, 0.95)), 'f', 3)
          << "x, RSS at 1,000 positions " << QString::number(b.rssEnd / rb.rssAt1000, 'f', 2) << "x\n";

    int misses = 0;
    auto goal = [&](const QString &what, const QString &figure, bool pass) {
        misses += pass ? 0 : 1;
        out() << QStringLiteral("  goal %1 %2  %3\n").arg(what, -44).arg(figure, 22).arg(QLatin1String(verdict(pass)));
    };
    goal(QStringLiteral("first page < 50 ms (big)"), ms(b.first) + QStringLiteral(" ms"), b.first < 50);
    const double ratio = b.first / std::max(1e-3, s.first);
    goal(QStringLiteral("first page big / small <= 1.5"), QString::number(ratio, 'f', 2), ratio <= 1.5);
    const double slowest = std::max({b.slowestAnchor, maxOf(b.visits), s.slowestAnchor, maxOf(s.visits)});
    goal(QStringLiteral("any position < 0.5 s (anchors and visits)"), ms(slowest) + QStringLiteral(" ms"),
         slowest < 500 && b.timedOut + s.timedOut == 0);
    const double rssMax = std::max(b.rssMax, s.rssMax);
    goal(QStringLiteral("RSS < 150 MB while visiting"), mb(rssMax) + QStringLiteral(" MB"), rssMax < 150);
    const double growth = b.rssEnd - b.rssWarm;
    // Once our page cache is full, what still grows is the engine's own cache
    // in this process: SQLite keeps up to 2 MiB of pages per pooled
    // connection (cache_size -2000), bounded too. 10 MB leaves room for
    // that; an unbounded row cache grows by ~30 MB per 100,000 rows kept.
    goal(QStringLiteral("RSS flat (big: growth once cache full < 10 MB)"), mb(growth) + QStringLiteral(" MB"), growth < 10);
    return misses;
}

Options parseOptions(const QStringList &args)
{
    Options o;
    for (int i = 1; i < args.size(); ++i) {
        const QString &a = args[i];
        auto number = [&]() -> qint64 {
            bool ok = false;
            const qint64 v = i + 1 < args.size() ? args[++i].toLongLong(&ok) : 0;
            if (!ok || v < 1)
                fail(a + QStringLiteral(" needs a positive number"));
            return v;
        };
        if (a == QLatin1String("--rows"))
            o.rows = std::max<qint64>(number(), kPage * 2);
        else if (a == QLatin1String("--positions"))
            o.positions = int(number());
        else if (a == QLatin1String("--reference-positions"))
            o.referencePositions = int(number());
        else if (a == QLatin1String("--visit-budget"))
            o.visitBudgetS = int(number());
        else if (a == QLatin1String("--reuse"))
            o.reuse = true;
        else if (a == QLatin1String("--engine") && i + 1 < args.size()) {
            const QString e = args[++i];
            o.postgres = e == QLatin1String("pg") || e == QLatin1String("both");
            o.sqlite = e == QLatin1String("sqlite") || e == QLatin1String("both");
            if (!o.postgres && !o.sqlite)
                fail(QStringLiteral("--engine takes pg, sqlite or both"));
        } else
            fail(QStringLiteral("unknown argument ") + a
                 + QStringLiteral(" (--rows N, --positions P, --reference-positions R, --engine pg|sqlite|both, --reuse, --visit-budget S)"));
    }
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Library debug output (and any stray qDebug) would break up the tables.
    QLoggingCategory::setFilterRules(QStringLiteral("tablewright.*.debug=false\ndefault.debug=false"));
    Options options = parseOptions(app.arguments());
    if (options.postgres && env("TW_TEST_PG_PORT").isEmpty()) {
        if (!options.sqlite) {
            QTextStream(stderr) << "bench_browser: set TW_TEST_PG_* or run tools/bench.sh\n";
            return 2;
        }
        out() << "TW_TEST_PG_* not set: SQLite only\n";
        options.postgres = false;
    }
    out() << "bench_browser: tables big (" << options.rows << " rows) and small (" << kSmallRows << " rows), "
          << options.positions << " random positions, " << options.referencePositions
          << " for the reference on the big table\n";
    QElapsedTimer total;
    total.start();

    struct Engine { QString label; config::ConnectionProfile profile; };
    QList<Engine> engines;
    if (options.postgres) {
        out() << "PostgreSQL: database " << kDatabase << '\n';
        out().flush();
        preparePostgres(options);
        engines << Engine{QStringLiteral("PostgreSQL"), postgresProfile(QString::fromLatin1(kDatabase))};
    }
    if (options.sqlite) {
        out() << "SQLite: " << kSqliteFile << '\n';
        out().flush();
        prepareSqlite(options);
        engines << Engine{QStringLiteral("SQLite"), sqliteProfile()};
    }
    out() << "setup took " << QString::number(total.elapsed() / 1000.0, 'f', 1) << " s\n";

    db::ConnectionRegistry registry;
    QList<Run> runs;
    // Ours on every table first, then the reference, whose kept rows would
    // otherwise sit under our RSS figures.
    for (const Engine &engine : engines) {
        awaitInLoop(registry.open(engine.profile), QStringLiteral("open ") + engine.label);
        Run run;
        run.engine = engine.label;
        for (auto [table, into] : {std::pair{QStringLiteral("big"), &run.big}, std::pair{QStringLiteral("small"), &run.small}}) {
            out() << engine.label << ' ' << table << ": anchors, then " << options.positions << " positions through the model\n";
            out().flush();
            const catalog::QualifiedName name{engine.profile.driver == config::Driver::Postgres ? QStringLiteral("public") : QString(), table};
            const data::TableShape shape = await(data::describeTable(registry, engine.profile.name, name), QStringLiteral("describe"));
            if (shape.identity != data::RowIdentity::PrimaryKey)
                fail(QStringLiteral("%1 is not keyed by its primary key").arg(table));
            measureAnchors(registry, engine.profile.name, shape, *into);
            visitModel(registry, engine.profile.name, shape, options.positions, options.visitBudgetS, *into);
            if (int(into->visits.size()) < options.positions)
                out() << "  stopped after " << into->visits.size() << " positions: " << options.visitBudgetS
                      << " s budget spent (--visit-budget)\n";
        }
        runs << run;
    }
    for (Run &run : runs) {
        const auto pool = registry.pool(run.engine == QLatin1String("SQLite") ? QStringLiteral("sqlite") : QStringLiteral("pg"));
        out() << run.engine << ": reference (LIMIT/OFFSET chunks, all kept)\n";
        out().flush();
        run.refBig = runReference(*pool, QStringLiteral("big"), options.referencePositions);
        run.refSmall = runReference(*pool, QStringLiteral("small"), options.positions);
    }
    int misses = 0;
    for (const Run &run : runs)
        misses += report(run, options.rows);
    out() << "\n" << (misses ? QStringLiteral("%1 goal(s) missed").arg(misses) : QStringLiteral("all goals met"))
          << "; total " << QString::number(total.elapsed() / 1000.0, 'f', 0) << " s\n";
    registry.closeAll();
    return 0;
}
