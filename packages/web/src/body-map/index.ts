// The body map feature: the map, the keyboard site list, and the pure site edits they share.
export { BodyMap, type BodyMapProps, type BodyMapView } from './BodyMap';
export { SiteList, type SiteListProps } from './SiteList';
export { addSite, changeSiteSide, plannedSides, removeSite, toggleSite, type PlanSite } from './sites';
export type { Highlight } from './muscle-names';
export type { BodySide } from './muscle-shapes';
