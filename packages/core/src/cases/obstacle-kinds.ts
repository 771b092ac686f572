/**
 * The grounds an official may record for a request filed after the limitation period, whose days
 * are not counted (Law 106/2025/QH15 Art. 34(2) ¶2; Law 26/2008 Art. 30(3); which of them applies
 * on a day is the rules table's `limitationStopReasons`). No schema here: the browser takes it.
 */
export const OBSTACLE_KINDS = ["objective_obstacle", "force_majeure", "emergency"] as const;
export type ObstacleKind = (typeof OBSTACLE_KINDS)[number];
