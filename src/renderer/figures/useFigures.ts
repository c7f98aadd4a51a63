/** The figure controller of a session, for components (kept alive while any of them is mounted). */
import { useEffect } from 'react';
import { useShell } from '../shell/appContext';
import type { ReportSession } from '../state/reportSession';
import { figureControllerFor, type FigureController } from './figureController';

export function useFigures(session: ReportSession): FigureController {
  const shell = useShell();
  const controller = figureControllerFor(session, shell.api, shell.host);
  useEffect(() => controller.retain(), [controller]);
  return controller;
}
