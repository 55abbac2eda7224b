// A time-series chart on Qt Charts: a time axis, a range chooser (5 min, 1 h, 24 h, 7 days)
// filled from the MetricsStore at once, live points appended as they come, hover values, pause,
// and export as PNG and CSV.
//
// Feeding. Each line is a SeriesRequest without its time range (kind, entity, metric). When the
// range changes (or reload() is called) every line is queried for the whole range at once; a
// job number drops answers to an older request. Afterwards, refreshTail() asks only for what is
// newer than the last point, and appendPoint() takes points directly (e.g. from a snapshot).
// Appended points are queued and handed to Qt Charts in one batch per frame (≈ 10 Hz), with the
// points that fell out of the range removed in one go. A line keeps at most one point per 1/600
// of the range (the latest; 500 ms at 5 minutes), from the history and live alike, so hundreds
// of points per second stay smooth (kastle_chart_bench). While paused nothing is drawn;
// resuming reloads the range.
#pragma once

#include "history/metrics.h"

#include <QHash>
#include <QPointF>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineSeries;
class QChart;
class QChartView;
class QDateTimeAxis;
class QValueAxis;
class QToolButton;

namespace kastle::core {
class MetricsStore;
}

namespace kastle::ui {

class TimeSeriesChart : public QWidget
{
    Q_OBJECT
public:
    enum class Range { FiveMinutes, OneHour, OneDay, SevenDays };
    Q_ENUM(Range)

    explicit TimeSeriesChart(const QString &title, QWidget *parent = nullptr);

    void setStore(core::MetricsStore *store); // may be null (no history: live points only)
    // Adds a line; `unit` is shown on hover ("msg/s"). Returns its index.
    int addLine(const QString &label, core::EntityKind kind, const QString &entity,
                core::Metric metric, const QString &unit = {});
    // A line fed only by appendPoint() (figures the history does not keep).
    int addLiveLine(const QString &label, const QString &unit = {});
    void clearLines();
    int lineCount() const { return int(m_lines.size()); }

    void setRange(Range range);
    Range range() const { return m_range; }
    static qint64 rangeMs(Range range);
    // Live points closer than this share one slot: the chart keeps the latest of them.
    static qint64 slotMs(Range range) { return rangeMs(range) / 600; }
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    // Queries every line for the whole range (asynchronously).
    void reload();
    // Queries what is newer than each line's last point.
    void refreshTail();
    // Adds one point (ms since the epoch) to a line; drawn with the next frame.
    void appendPoint(int line, qint64 timeMs, double value);

    // Points currently drawn by a line (after pending appends have been flushed).
    int pointCount(int line) const;
    QList<QPointF> points(int line) const;
    // Forces pending appends into the chart now (tests, export).
    void flush();

    QString csv() const; // time,label1,label2,... one row per distinct time
    bool exportCsv(const QString &path) const;
    bool exportPng(const QString &path);

    QChartView *view() const { return m_view; }
    // The time axis's end (ms since the epoch): "now" as of the last frame or clock tick.
    qint64 axisEndMs() const;
    // How often the time axis moves on by itself while the chart is shown, points or not.
    int clockIntervalMs() const { return m_clock.interval(); }

Q_SIGNALS:
    void loaded(); // a reload's answers have all arrived

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void applyTheme();
    struct Line
    {
        QString label;
        QString unit;
        core::SeriesRequest request;
        QLineSeries *series = nullptr;
        QList<QPointF> pending;
        qint64 lastMs = 0;
        qint64 liveSlot = -1; // slot of the last live point drawn; -1 after a reload
        bool liveOnly = false;
    };
    void applyRange();
    // Appends `point`, or replaces the last point when both fall in slot `lastSlot`.
    static void addToSlot(QList<QPointF> &points, const QPointF &point, qint64 slotMs,
                          qint64 &lastSlot);
    void onHover(const Line &line, const QPointF &point, bool state);
    void rescaleY();
    void showMenu();
    qint64 nowMs() const;

    QString m_title;
    core::MetricsStore *m_store = nullptr;
    std::vector<Line> m_lines;
    Range m_range = Range::FiveMinutes;
    bool m_paused = false;
    quint64 m_job = 0;
    int m_answersMissing = 0;
    QTimer m_frame; // batches appended points
    QTimer m_clock; // moves the time axis on while shown, also when no point arrives
    QChart *m_chart;
    QChartView *m_view;
    QDateTimeAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QComboBox *m_rangeBox;
    QToolButton *m_pause;
    QToolButton *m_more;
    QLabel *m_empty;
};

} // namespace kastle::ui
