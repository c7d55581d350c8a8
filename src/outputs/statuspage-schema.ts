/**
 * The shapes of Atlassian Statuspage's public v2 API (`/api/v2/*.json`), as its
 * documentation and real pages show them, written as zod schemas: field names,
 * nesting, nullability and enum values. Strict objects, so a missing or an
 * extra field is an error. The API module's types are inferred from these, and
 * tests check every built API file against them.
 */
import * as z from '../content/zod.ts';

/** ISO 8601 date-time that carries `Z` or an offset, e.g. 2014-05-14T14:22:39.441-06:00. */
const timestamp = z.iso.datetime({ offset: true });
const id = z.string().min(1);

const INDICATORS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
const COMPONENT_STATUSES = [
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
] as const;
const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'postmortem'] as const;
const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const;
const IMPACTS = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;

const pageSchema = z.strictObject({
  id,
  name: z.string(),
  url: z.url(),
  time_zone: z.string(),
  updated_at: timestamp,
});

const statusSchema = z.strictObject({
  indicator: z.enum(INDICATORS),
  description: z.string(),
});

const componentFields = {
  id,
  name: z.string(),
  status: z.enum(COMPONENT_STATUSES),
  created_at: timestamp,
  updated_at: timestamp,
  position: z.int().min(1),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: id.nullable(),
  page_id: id,
  only_show_if_degraded: z.boolean(),
};

/** A component; a group is a component with `group: true` and the ids of its members. */
const componentSchema = z.union([
  z.strictObject({ ...componentFields, group: z.literal(false) }),
  z.strictObject({ ...componentFields, group: z.literal(true), group_id: z.null(), components: z.array(id) }),
]);

const affectedComponentSchema = z.strictObject({
  code: id,
  name: z.string(),
  old_status: z.enum(COMPONENT_STATUSES),
  new_status: z.enum(COMPONENT_STATUSES),
});

const updateFields = {
  id,
  body: z.string(),
  incident_id: id,
  created_at: timestamp,
  updated_at: timestamp,
  display_at: timestamp,
  affected_components: z.array(affectedComponentSchema).nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.string().nullable(),
  tweet_id: z.string().nullable(),
};

const incidentUpdateSchema = z.strictObject({ ...updateFields, status: z.enum(INCIDENT_STATUSES) });
const maintenanceUpdateSchema = z.strictObject({ ...updateFields, status: z.enum(MAINTENANCE_STATUSES) });

const incidentFields = {
  id,
  name: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  monitoring_at: timestamp.nullable(),
  resolved_at: timestamp.nullable(),
  impact: z.enum(IMPACTS),
  shortlink: z.url(),
  started_at: timestamp,
  page_id: id,
  components: z.array(componentSchema),
};

const incidentSchema = z.strictObject({
  ...incidentFields,
  status: z.enum(INCIDENT_STATUSES),
  incident_updates: z.array(incidentUpdateSchema),
});

const maintenanceSchema = z.strictObject({
  ...incidentFields,
  status: z.enum(MAINTENANCE_STATUSES),
  incident_updates: z.array(maintenanceUpdateSchema),
  scheduled_for: timestamp,
  scheduled_until: timestamp,
});

export const summaryDocument = z.strictObject({
  page: pageSchema,
  components: z.array(componentSchema),
  incidents: z.array(incidentSchema),
  scheduled_maintenances: z.array(maintenanceSchema),
  status: statusSchema,
});
export const statusDocument = z.strictObject({ page: pageSchema, status: statusSchema });
export const componentsDocument = z.strictObject({ page: pageSchema, components: z.array(componentSchema) });
export const incidentsDocument = z.strictObject({ page: pageSchema, incidents: z.array(incidentSchema) });
export const maintenancesDocument = z.strictObject({
  page: pageSchema,
  scheduled_maintenances: z.array(maintenanceSchema),
});

export type StatuspagePage = z.infer<typeof pageSchema>;
export type StatuspageStatus = z.infer<typeof statusSchema>;
export type StatuspageComponent = z.infer<typeof componentSchema>;
export type StatuspageIncident = z.infer<typeof incidentSchema>;
export type StatuspageIncidentUpdate = z.infer<typeof incidentUpdateSchema>;
export type StatuspageMaintenance = z.infer<typeof maintenanceSchema>;
export type StatuspageMaintenanceUpdate = z.infer<typeof maintenanceUpdateSchema>;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
