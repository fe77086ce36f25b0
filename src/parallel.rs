//! Work shared out over the cores: the items cut into one contiguous run per
//! thread, each run handed to `work` on its own thread, the results back in
//! the items' order. A panic in one run surfaces as it would on one thread.

/// `work` on runs of at least `min_run` items, one run per core at most; a
/// single run (few items, one core) stays on the calling thread.
pub fn in_runs<T: Send, R: Send>(
    mut items: Vec<T>,
    min_run: usize,
    work: impl Fn(Vec<T>) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let runs = threads.min(items.len().div_ceil(min_run.max(1))).max(1);
    if runs == 1 {
        return vec![work(items)];
    }
    let per_run = items.len().div_ceil(runs);
    let mut cut = Vec::with_capacity(runs);
    while items.len() > per_run {
        let rest = items.split_off(per_run);
        cut.push(std::mem::replace(&mut items, rest));
    }
    cut.push(items);
    let work = &work;
    std::thread::scope(|scope| {
        let workers: Vec<_> = cut
            .into_iter()
            .map(|run| scope.spawn(move || work(run)))
            .collect();
        workers
            .into_iter()
            .map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_runs() {
        for (count, min_run) in [(0, 1), (1, 1), (7, 1), (100, 3), (100, 1000)] {
            let items: Vec<usize> = (0..count).collect();
            let doubled: Vec<usize> = in_runs(items, min_run, |run| {
                run.into_iter().map(|i| i * 2).collect::<Vec<_>>()
            })
            .into_iter()
            .flatten()
            .collect();
            assert_eq!(doubled, (0..count).map(|i| i * 2).collect::<Vec<_>>());
        }
    }
}
