// The produce dialog: topic, partition (automatic or chosen), key (or null), value with JSON
// validation, headers table, compression, acks, repeat count and interval, and templates saved
// in SQLite. Placeholders ({{uuid}}, {{now}}, {{seq}}, {{random.int(a,b)}}) are expanded per
// message by the producer; validation checks the value with sample expansions. Sending runs on
// the producer's thread; the outcome or the broker's error shows in the dialog in plain words.
#pragma once

#include "browser/kafkaclient.h"
#include "browser/messageproducer.h"
#include "browser/templatestore.h"

#include <QDialog>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace kastle::ui {

class ProduceDialog : public QDialog
{
    Q_OBJECT
public:
    using TargetResolver =
        std::function<void(QObject *context, std::function<void(core::Result<core::KafkaTarget>)>)>;

    // `templates` may be null (no template support, e.g. without a database).
    ProduceDialog(TargetResolver resolver, core::TemplateStore *templates,
                  QWidget *parent = nullptr);

    void setTopics(const QStringList &topics);
    void setTopic(const QString &topic);

    core::ProduceRequest request() const;
    void applyTemplate(const core::ProduceTemplate &t);
    core::ProduceTemplate currentAsTemplate(const QString &name) const;

    // Validation of the value as JSON (when "JSON" is chosen); empty when fine.
    QString validationError() const;
    QString statusText() const;
    bool isSending() const { return m_job != 0; }

    // Sends what the form says (the Send button); public for tests.
    void send();

Q_SIGNALS:
    void sent(const kastle::core::ProduceOutcome &outcome);

private:
    void validate();
    void reloadTemplates(const QString &select = {});
    void saveTemplate();
    void deleteTemplate();
    void onFinished(quint64 job, const core::ProduceOutcome &outcome);

    TargetResolver m_resolver;
    core::TemplateStore *m_templates;
    core::MessageProducer *m_producer;
    quint64 m_job = 0;
    QList<core::ProduceTemplate> m_templateList;

    QComboBox *m_templateBox;
    QPushButton *m_saveTemplate;
    QPushButton *m_deleteTemplate;
    QComboBox *m_topic;
    QSpinBox *m_partition;
    QLineEdit *m_key;
    QCheckBox *m_nullKey;
    QComboBox *m_valueKind;
    QPlainTextEdit *m_value;
    QLabel *m_validation;
    QTableWidget *m_headers;
    QComboBox *m_compression;
    QComboBox *m_acks;
    QSpinBox *m_repeat;
    QSpinBox *m_interval;
    QLabel *m_status;
    QPushButton *m_send;
    QPushButton *m_cancel;
};

} // namespace kastle::ui
