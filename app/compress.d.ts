import type { Handler, Request, Response } from "express";
import type express from "express";
export function servePrecompressed(root: string, serveStatic: NonNullable<Parameters<typeof express.static>[1]>): Handler;
export function shouldCompress(req: Request, res: Response): boolean;
export function compressResponses(): Handler;
