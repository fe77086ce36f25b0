//! A background worker that only ever works on the newest request.
//!
//! Front ends submit requests as the user types; a request that was overtaken
//! by a newer one is skipped, and anything it already produced is dropped on
//! the receiving side, so stale results never reach the screen.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Condvar, Mutex};

struct Shared<Req> {
    pending: Mutex<Pending<Req>>,
    wake: Condvar,
    newest: AtomicU64,
}

struct Pending<Req> {
    request: Option<(u64, Req)>,
    shutting_down: bool,
}

/// Handed to the job: says whether its request is still the newest and sends
/// (possibly several, progressive) results back.
pub struct JobContext<Res> {
    generation: u64,
    newest: Arc<dyn Fn() -> u64 + Send + Sync>,
    results: Sender<(u64, Res)>,
}

impl<Res> JobContext<Res> {
    /// True once a newer request has been submitted; a job should stop early.
    pub fn is_stale(&self) -> bool {
        (self.newest)() != self.generation
    }

    /// Sends a result; returns false when the receiver is gone or the request is stale.
    pub fn emit(&self, result: Res) -> bool {
        !self.is_stale() && self.results.send((self.generation, result)).is_ok()
    }
}

pub struct LatestWorker<Req, Res> {
    shared: Arc<Shared<Req>>,
    results: Receiver<(u64, Res)>,
}

impl<Req: Send + 'static, Res: Send + 'static> LatestWorker<Req, Res> {
    /// Starts a named thread running `job` for each request it picks up.
    pub fn spawn<F>(name: &str, mut job: F) -> std::io::Result<Self>
    where
        F: FnMut(Req, &JobContext<Res>) + Send + 'static,
    {
        let shared = Arc::new(Shared {
            pending: Mutex::new(Pending {
                request: None,
                shutting_down: false,
            }),
            wake: Condvar::new(),
            newest: AtomicU64::new(0),
        });
        let (sender, results) = mpsc::channel();
        let thread_shared = Arc::clone(&shared);
        std::thread::Builder::new()
            .name(name.to_string())
            .spawn(move || {
                let newest_shared = Arc::clone(&thread_shared);
                let newest: Arc<dyn Fn() -> u64 + Send + Sync> =
                    Arc::new(move || newest_shared.newest.load(Ordering::Acquire));
                loop {
                    let (generation, request) = {
                        let Ok(mut pending) = thread_shared.pending.lock() else {
                            return;
                        };
                        loop {
                            if pending.shutting_down {
                                return;
                            }
                            if let Some(next) = pending.request.take() {
                                break next;
                            }
                            pending = match thread_shared.wake.wait(pending) {
                                Ok(guard) => guard,
                                Err(_) => return,
                            };
                        }
                    };
                    let context = JobContext {
                        generation,
                        newest: Arc::clone(&newest),
                        results: sender.clone(),
                    };
                    if !context.is_stale() {
                        job(request, &context);
                    }
                }
            })?;
        Ok(LatestWorker { shared, results })
    }

    /// Replaces any request not yet started; a running one sees itself stale.
    pub fn submit(&self, request: Req) -> u64 {
        let generation = self.shared.newest.fetch_add(1, Ordering::AcqRel) + 1;
        if let Ok(mut pending) = self.shared.pending.lock() {
            pending.request = Some((generation, request));
        }
        self.shared.wake.notify_one();
        generation
    }

    /// Results of the newest request that arrived since the last call, in order.
    pub fn drain(&self) -> Vec<Res> {
        let newest = self.shared.newest.load(Ordering::Acquire);
        self.results
            .try_iter()
            .filter(|(generation, _)| *generation == newest)
            .map(|(_, result)| result)
            .collect()
    }

    /// Waits for the next result of the newest request (tests and the CLI use this).
    pub fn recv_timeout(&self, timeout: std::time::Duration) -> Option<Res> {
        let deadline = std::time::Instant::now() + timeout;
        loop {
            let left = deadline.checked_duration_since(std::time::Instant::now())?;
            let (generation, result) = self.results.recv_timeout(left).ok()?;
            if generation == self.shared.newest.load(Ordering::Acquire) {
                return Some(result);
            }
        }
    }
}

impl<Req, Res> Drop for LatestWorker<Req, Res> {
    /// Stops the thread without waiting for it: a job in progress (a long
    /// engine call that cannot stop midway) sees itself stale and finishes
    /// on its own, so closing a view or quitting never waits for it.
    fn drop(&mut self) {
        if let Ok(mut pending) = self.shared.pending.lock() {
            pending.shutting_down = true;
        }
        self.shared.newest.fetch_add(1, Ordering::AcqRel);
        self.shared.wake.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn only_the_newest_request_reports() {
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let gate = Mutex::new(gate_rx);
        let worker = LatestWorker::spawn("test", move |request: u32, context: &JobContext<u32>| {
            if request == 1 {
                // Hold the first job until newer requests have been queued.
                let _ = gate.lock().map(|rx| rx.recv());
            }
            context.emit(request * 10);
        })
        .expect("spawn");
        worker.submit(1);
        std::thread::sleep(Duration::from_millis(20));
        worker.submit(2);
        worker.submit(3);
        gate_tx.send(()).expect("release");
        assert_eq!(worker.recv_timeout(Duration::from_secs(5)), Some(30));
        std::thread::sleep(Duration::from_millis(20));
        assert!(
            worker.drain().is_empty(),
            "requests 1 and 2 must not report"
        );
    }

    #[test]
    fn dropping_does_not_wait_for_a_running_job() {
        let (started_tx, started_rx) = mpsc::channel::<()>();
        let (gate_tx, gate_rx) = mpsc::channel::<()>();
        let (done_tx, done_rx) = mpsc::channel::<bool>();
        let gate = Mutex::new(gate_rx);
        let worker = LatestWorker::spawn("test", move |(), context: &JobContext<()>| {
            let _ = started_tx.send(());
            let _ = gate.lock().map(|rx| rx.recv());
            let _ = done_tx.send(context.is_stale());
        })
        .expect("spawn");
        worker.submit(());
        started_rx
            .recv_timeout(Duration::from_secs(5))
            .expect("the job started");
        // Should drop wait for the job, the gate opens anyway after a while
        // and the job reports before drop returns.
        let late_gate = gate_tx.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(2));
            let _ = late_gate.send(());
        });
        drop(worker);
        assert!(
            done_rx.try_recv().is_err(),
            "drop returned before the job finished"
        );
        gate_tx.send(()).expect("release");
        assert_eq!(
            done_rx.recv_timeout(Duration::from_secs(5)),
            Ok(true),
            "the abandoned job sees itself stale"
        );
    }

    #[test]
    fn progressive_results_arrive_in_order() {
        let worker = LatestWorker::spawn("test", |request: u32, context: &JobContext<u32>| {
            for step in 0..request {
                context.emit(step);
            }
        })
        .expect("spawn");
        worker.submit(3);
        let received: Vec<u32> = (0..3)
            .filter_map(|_| worker.recv_timeout(Duration::from_secs(5)))
            .collect();
        assert_eq!(received, vec![0, 1, 2]);
    }
}
