// One-job-at-a-time runner shared by the message browser and the producer: each job runs on a
// thread of its own (a scan may tail for hours, so it must not hold a pool thread), gets an id
// and a cancel flag, and starting a new job cancels the previous one without waiting for it.
// The owner's destructor calls waitAll(); until then finished threads delete themselves.
#pragma once

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>

namespace kastle::core {

class JobRunner
{
public:
    using CancelFlag = std::shared_ptr<std::atomic_bool>;
    using Work = std::function<void(quint64 job, CancelFlag cancel)>;

    explicit JobRunner(QObject *owner)
        : m_owner(owner)
    {}

    quint64 launch(Work work, const QString &threadName)
    {
        cancel();
        const quint64 job = ++m_job;
        m_cancel = std::make_shared<std::atomic_bool>(false);
        m_thread = QThread::create(
            [work = std::move(work), job, cancel = m_cancel] { work(job, cancel); });
        m_thread->setObjectName(threadName);
        m_thread->setParent(m_owner);
        QObject::connect(m_thread, &QThread::finished, m_thread, &QObject::deleteLater);
        m_thread->start();
        return job;
    }
    void cancel()
    {
        if (m_cancel)
            m_cancel->store(true);
    }
    bool isRunning() const { return m_thread && !m_thread->isFinished(); }
    quint64 currentJob() const { return m_job; }
    // Cancels the current job and waits for every job thread still alive.
    void waitAll()
    {
        cancel();
        for (QThread *t : m_owner->findChildren<QThread *>(Qt::FindDirectChildrenOnly))
            t->wait();
    }

private:
    QObject *m_owner;
    QPointer<QThread> m_thread;
    CancelFlag m_cancel;
    quint64 m_job = 0;
};

} // namespace kastle::core
