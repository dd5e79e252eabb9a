-- A metric may be a run's clock: role 'clock' holds the wall time of each step (TensorBoard's event
-- wall_time, MLflow's metric timestamps, a wall_time/timestamp column), kept for the wall-time and
-- relative-time x axes and not drawn as a curve of its own. SQLite cannot widen a CHECK in place:
-- the data step (src-main/db/migrate-data.ts, widenMetricRoles) rebuilds the metrics table from
-- its own CREATE statement with 'clock' added, keeping every id.
SELECT 1;
