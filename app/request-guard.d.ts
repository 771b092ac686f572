import type { NextFunction, Request, Response } from "express";
export function hostileTarget(target: unknown): string | null;
export const HOSTILE_TARGET_MESSAGE: string;
export function rejectHostileTargets(req: Request, res: Response, next: NextFunction): void;
export const DRAIN_LIMIT: number;
export function drainUnreadBodies(limit?: number): (req: Request, res: Response, next: NextFunction) => void;
