// kastle_pages_bench: the console against a sandbox with many topics (default 10,000 x 10
// partitions). Prints how long the topics page takes to be populated after connecting, the
// longest UI-thread block seen by the app's event-loop probe while it loads and while it keeps
// refreshing, the cost of filtering, sorting and scrolling the topics table, and the resident
// memory of the process. Not a test: it prints figures.
//   QT_QPA_PLATFORM=offscreen build/<dir>/bin/kastle_pages_bench [topics] [partitions] [seconds]
#include "appsetup.h"
#include "clusterview.h"
#include "mainwindow.h"
#include "models/connectionlistmodel.h"
#include "models/entityproxies.h"
#include "models/topicmodel.h"
#include "pages/topicspage.h"
#include "runloop.h"
#include "sandbox/sandboxcontroller.h"
#include "widgets/eventloopprobe.h"
#include "workspace.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <librdkafka/rdkafka.h>

#include <cstdio>

using namespace kastle;

namespace {

qint64 statusKb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qsizetype(qstrlen(field))).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

// Creates the topics with librdkafka's admin API in batches; returns false on any error.
bool createTopics(const QString &bootstrap, int topics, int partitions)
{
    char err[512];
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set(conf, "bootstrap.servers", bootstrap.toUtf8().constData(), err, sizeof err);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, err, sizeof err);
    if (!rk)
        return false;
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    bool ok = true;
    constexpr int batch = 500;
    for (int first = 0; first < topics && ok; first += batch) {
        std::vector<rd_kafka_NewTopic_t *> list;
        for (int i = first; i < std::min(topics, first + batch); ++i)
            list.push_back(rd_kafka_NewTopic_new(
                QStringLiteral("topic-%1").arg(i, 5, 10, QLatin1Char('0')).toUtf8().constData(),
                partitions, 1, err, sizeof err));
        rd_kafka_AdminOptions_t *options =
            rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
        rd_kafka_AdminOptions_set_operation_timeout(options, 60000, err, sizeof err);
        rd_kafka_CreateTopics(rk, list.data(), list.size(), options, queue);
        rd_kafka_event_t *ev = rd_kafka_queue_poll(queue, 120000);
        if (!ev || rd_kafka_event_error(ev)) {
            std::fprintf(stderr, "create topics: %s\n",
                         ev ? rd_kafka_event_error_string(ev) : "timed out");
            ok = false;
        } else if (const auto *res = rd_kafka_event_CreateTopics_result(ev)) {
            size_t n = 0;
            const rd_kafka_topic_result_t **r = rd_kafka_CreateTopics_result_topics(res, &n);
            for (size_t i = 0; i < n; ++i)
                if (const auto e = rd_kafka_topic_result_error(r[i]);
                    e && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
                    std::fprintf(stderr, "create %s: %s\n", rd_kafka_topic_result_name(r[i]),
                                 rd_kafka_err2str(e));
                    ok = false;
                    break;
                }
        }
        if (ev)
            rd_kafka_event_destroy(ev);
        rd_kafka_AdminOptions_destroy(options);
        rd_kafka_NewTopic_destroy_array(list.data(), list.size());
    }
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(rk);
    return ok;
}

// Names what blocked the UI thread: every outermost event that took longer than the threshold
// (KASTLE_BENCH_SLOW_MS, default 30) is printed with its receiver and event type, so a figure
// over the budget comes with its cause.
class TracingApplication : public QApplication
{
public:
    using QApplication::QApplication;
    bool notify(QObject *receiver, QEvent *event) override
    {
        if (m_depth > 0 || m_thresholdMs <= 0 || thread() != QThread::currentThread())
            return QApplication::notify(receiver, event);
        ++m_depth;
        // Named before: the receiver may be gone after (a single-shot timer deletes itself).
        const int type = event->type();
        const char *className = receiver ? receiver->metaObject()->className() : "-";
        const QString name = receiver ? receiver->objectName() : QString();
        QElapsedTimer t;
        t.start();
        const bool result = QApplication::notify(receiver, event);
        const qint64 ms = t.elapsed();
        --m_depth;
        if (ms >= m_thresholdMs)
            std::printf("  slow event: %lld ms, type %d, receiver %s \"%s\"\n",
                        static_cast<long long>(ms), type, className, qPrintable(name));
        return result;
    }

private:
    int m_depth = 0;
    qint64 m_thresholdMs = qEnvironmentVariableIsSet("KASTLE_BENCH_SLOW_MS")
                               ? qEnvironmentVariableIntValue("KASTLE_BENCH_SLOW_MS")
                               : 30;
};

qint64 timed(const std::function<void()> &work)
{
    QElapsedTimer t;
    t.start();
    work();
    QCoreApplication::processEvents();
    return t.elapsed();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TracingApplication app(argc, argv);
    const int topics = argc > 1 ? std::atoi(argv[1]) : 10000;
    const int partitions = argc > 2 ? std::atoi(argv[2]) : 10;
    const int steadySeconds = argc > 3 ? std::atoi(argv[3]) : 30;
    QTemporaryDir tmp;
    const QString broker =
        QCoreApplication::applicationDirPath() + QStringLiteral("/kastle-broker");
    const QString data = tmp.filePath(QStringLiteral("sandbox"));

    {
        core::SandboxController setup(broker, data);
        setup.start();
        if (!test::runUntil(
                [&] { return setup.state() == core::SandboxController::State::Running; }, 30000)) {
            std::fprintf(stderr, "broker did not start: %s\n", qPrintable(setup.stateText()));
            return 1;
        }
        QElapsedTimer t;
        t.start();
        if (!createTopics(setup.bootstrap(), topics, partitions))
            return 1;
        std::printf("created %d topics x %d partitions in %.1f s\n", topics, partitions,
                    double(t.elapsed()) / 1000);
        setup.stop();
        if (!test::runUntil(
                [&] { return setup.state() == core::SandboxController::State::Stopped; }, 30000))
            std::fprintf(stderr, "warning: the setup broker did not stop within 30 s\n");
    }

    core::Workspace ws({tmp.filePath(QStringLiteral("kastle.sqlite")), broker, data,
                        tmp.filePath(QStringLiteral("metrics"))});
    ws.open();
    ui::setUpApplication(ws.settings());
    ui::MainWindow window(ws);
    window.resize(1300, 850);
    window.show();
    (void)QTest::qWaitForWindowExposed(&window);
    test::runFor(200);
    const qint64 rssBefore = statusKb("VmRSS:");
    ui::EventLoopProbe *probe = window.latencyProbe();
    probe->resetMax();

    const QString sandbox = core::ConnectionListModel::sandboxId();
    QElapsedTimer clock;
    qint64 sessionAt = -1;
    QObject::connect(&ws, &core::Workspace::sessionOpened, &app,
                     [&] { sessionAt = clock.elapsed(); });
    clock.start();
    window.connectCluster(sandbox);
    const qint64 connectCallMs = clock.elapsed();
    // Switching to the topics tab is a second user action: the loop runs in between, as it
    // does between two clicks (KASTLE_BENCH_CLICK_GAP_MS, default 300; no person clicks faster).
    test::runFor(qEnvironmentVariableIsSet("KASTLE_BENCH_CLICK_GAP_MS")
                     ? qEnvironmentVariableIntValue("KASTLE_BENCH_CLICK_GAP_MS")
                     : 300);
    ui::ClusterView *view = window.clusterView(sandbox);
    QElapsedTimer tabClock;
    tabClock.start();
    view->setCurrentPage(QStringLiteral("topics"));
    const qint64 tabMs = tabClock.elapsed();
    ui::TopicsPage *page = view->topicsPage();
    if (!test::runUntil([&] { return page->model()->rowCount() >= topics; }, 120000)) {
        std::fprintf(stderr, "topics page did not fill: %d rows\n", page->model()->rowCount());
        return 1;
    }
    const qint64 populatedAt = clock.elapsed();
    // The turn that filled the table ends before the probe's next tick, which measures it (and
    // the repaint after it): let the loop run a moment before reading the loading figure.
    test::runFor(500);
    const qint64 loadBlock = probe->maxBlockMs();
    std::printf("connect click (cluster view created and shown, sandbox started): %lld ms; "
                "topics tab click: %lld ms\n",
                static_cast<long long>(connectCallMs), static_cast<long long>(tabMs));
    std::printf("sandbox ready and session opened %lld ms after connect\n",
                static_cast<long long>(sessionAt));
    std::printf("topics page populated (%d rows) %lld ms after connect, %lld ms after the "
                "session opened\n",
                page->model()->rowCount(), static_cast<long long>(populatedAt),
                static_cast<long long>(populatedAt - sessionAt));
    std::printf("longest UI block while loading: %lld ms\n", static_cast<long long>(loadBlock));

    // Wait for offsets to be covered, then watch the steady state (refreshes at 1 Hz-ish).
    probe->resetMax();
    test::runFor(steadySeconds * 1000);
    std::printf("longest UI block over %d s of refreshes: %lld ms (blocks over %lld ms since "
                "start: %d)\n",
                steadySeconds, static_cast<long long>(probe->maxBlockMs()),
                static_cast<long long>(ui::EventLoopProbe::budgetMs), probe->overBudget());

    QTableView *table = page->table();
    const qint64 filterMs =
        timed([&] { page->filterEdit()->setText(QStringLiteral("topic-0042")); });
    std::printf("filter 'topic-0042': %lld ms, %d rows shown\n", static_cast<long long>(filterMs),
                page->proxy()->rowCount());
    const qint64 clearMs = timed([&] { page->filterEdit()->clear(); });
    std::printf("clear filter: %lld ms, %d rows shown\n", static_cast<long long>(clearMs),
                page->proxy()->rowCount());
    const qint64 sortMs =
        timed([&] { table->sortByColumn(core::TopicModel::MessagesColumn, Qt::DescendingOrder); });
    std::printf("sort by messages: %lld ms\n", static_cast<long long>(sortMs));
    qint64 scrollWorst = 0;
    for (int step = 0; step < 20; ++step) {
        scrollWorst = std::max(scrollWorst, timed([&] {
                                   table->verticalScrollBar()->setValue(
                                       table->verticalScrollBar()->maximum() * step / 19);
                                   table->viewport()->repaint();
                               }));
    }
    std::printf("scroll + repaint, worst of 20 jumps: %lld ms\n",
                static_cast<long long>(scrollWorst));
    std::printf("resident memory: %lld MB (before connecting %lld MB, peak %lld MB)\n",
                statusKb("VmRSS:") / 1024, rssBefore / 1024, statusKb("VmHWM:") / 1024);
    return 0;
}
