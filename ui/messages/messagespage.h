// The cluster's Messages page: pick a topic and partitions, where to start (earliest, latest
// minus N, an offset, a time, a group's committed position) and where to stop (the current end,
// after N messages, at a time, or follow live), an optional filter, and read. The table is the
// virtual MessageModel; the detail pane shows the selected message. Progress reads "scanned X
// of Y, matched Z" with a Stop button; the outcome says why a scan ended. Export (selection or
// the whole range, JSON lines or CSV), import (replay a JSON-lines file) and the produce dialog
// are reached from here. Every Kafka call runs off the UI thread.
#pragma once

#include "browser/messagebrowser.h"
#include "browser/messageproducer.h"
#include "browser/templatestore.h"
#include "models/messagemodel.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableView;

namespace kastle::core {
class Workspace;
}

namespace kastle::ui {

class MessageDetailView;

class MessagesPage : public QWidget
{
    Q_OBJECT
public:
    // Hands out where to connect, asynchronously (secrets may come from the keychain).
    using TargetResolver =
        std::function<void(QObject *context, std::function<void(core::Result<core::KafkaTarget>)>)>;

    MessagesPage(TargetResolver resolver, std::unique_ptr<core::TemplateStore> templates,
                 QWidget *parent = nullptr);
    ~MessagesPage() override;
    // The page for a cluster of the workspace (profile and keychain secrets from there).
    static MessagesPage *forCluster(core::Workspace &workspace, const QString &clusterId,
                                    QWidget *parent = nullptr);

    // What the controls say, as a request (also used for "export whole range").
    core::Result<core::BrowseRequest> browseRequest() const;
    void setTopic(const QString &topic);
    core::MessageModel *model() const { return m_model; }
    MessageDetailView *detail() const { return m_detail; }
    QString progressText() const;
    QString outcomeText() const;
    bool isReading() const;

    void startReading();
    void stopReading();
    void refreshTopics();
    void exportRange(const QString &path, core::ExportFormat format);
    void exportSelection(const QString &path, core::ExportFormat format);
    void importFile(const QString &path, bool keepTimestamps, bool keepPartitions);
    void openProduceDialog();

Q_SIGNALS:
    void topicsLoaded(const QStringList &topics);
    void exportFinished(const QString &path, const QString &error);
    void importFinished(const kastle::core::ProduceOutcome &outcome);

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *makeControls();
    void updateStartEditors();
    void updateStopEditors();
    void setBusy(bool busy);
    void onProgress(quint64 job, const core::BrowseProgress &p);
    void onFinished(quint64 job, const core::BrowseOutcome &outcome);
    void onSelection();
    void chooseExport(bool selection);
    void chooseImport();
    void showError(const QString &title, const QString &text);

    TargetResolver m_resolver;
    std::unique_ptr<core::TemplateStore> m_templates;
    core::MessageBrowser *m_browser;
    core::MessageProducer *m_importer;
    core::MessageModel *m_model;
    core::KafkaTarget m_target; // of the last scan (for kcat commands)
    QString m_scanTopic;
    quint64 m_job = 0;
    quint64 m_importJob = 0;
    bool m_exporting = false;
    bool m_topicsRequested = false;
    QStringList m_topics;

    QComboBox *m_topic;
    QLineEdit *m_partitions;
    QComboBox *m_startMode;
    QStackedWidget *m_startEditors;
    QSpinBox *m_startCount;
    QLineEdit *m_startOffset;
    QDateTimeEdit *m_startTime;
    QLineEdit *m_group;
    QComboBox *m_stopMode;
    QStackedWidget *m_stopEditors;
    QSpinBox *m_stopCount;
    QDateTimeEdit *m_stopTime;
    QCheckBox *m_newestFirst;
    QComboBox *m_filterKind;
    QComboBox *m_filterTarget;
    QLineEdit *m_filterText;
    QCheckBox *m_matchCase;
    QPushButton *m_read;
    QPushButton *m_stop;
    QPushButton *m_produce;
    QPushButton *m_export;
    QPushButton *m_import;
    QProgressBar *m_progress;
    QLabel *m_progressLabel;
    QLabel *m_outcome;
    QLabel *m_window;
    QTableView *m_table;
    MessageDetailView *m_detail;
};

} // namespace kastle::ui
