//! A time budget for one analysis: past it, the pipeline stops before its next stage and
//! the result says which stages it skipped, so a page the engine finds hard gets a
//! partial answer quickly instead of holding the worker (and every other tab) up.
//!
//! The core has no clock of its own on every target (wasm32 has no `Instant`), so the
//! caller passes one: a function returning milliseconds since any fixed moment. The CLI
//! uses [`native_clock`]; the wasm binding passes the worker's clock.
//!
//! ```
//! use lede::budget::{Budget, native_clock};
//! let b = Budget::new(10_000.0, native_clock);
//! assert!(!b.spent());
//! ```

/// Milliseconds since an arbitrary fixed moment (only differences are used).
pub type Clock = fn() -> f64;

/// A limit on wall time, counted from when the budget was made.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    limit_ms: f64,
    clock: Clock,
    start: f64,
}

impl Budget {
    /// A budget of `limit_ms` milliseconds from now, read off `clock`.
    pub fn new(limit_ms: f64, clock: Clock) -> Budget {
        Budget {
            limit_ms,
            clock,
            start: clock(),
        }
    }

    pub fn limit_ms(&self) -> f64 {
        self.limit_ms
    }

    /// Milliseconds used so far.
    pub fn elapsed_ms(&self) -> f64 {
        ((self.clock)() - self.start).max(0.0)
    }

    /// True once the budget is used up.
    pub fn spent(&self) -> bool {
        self.elapsed_ms() >= self.limit_ms
    }
}

/// The process clock on targets that have one.
#[cfg(not(target_arch = "wasm32"))]
pub fn native_clock() -> f64 {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    ORIGIN.get_or_init(Instant::now).elapsed().as_secs_f64() * 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frozen() -> f64 {
        5.0
    }

    #[test]
    fn a_zero_budget_is_spent_at_once_and_a_frozen_clock_never_spends_a_positive_one() {
        assert!(Budget::new(0.0, frozen).spent());
        assert!(!Budget::new(1.0, frozen).spent());
        assert_eq!(Budget::new(1.0, frozen).elapsed_ms(), 0.0);
    }
}
