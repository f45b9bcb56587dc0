// Field schemas of the archive, defined with the record fields that the stored readers share:
// the instant with every record's (shared/model/recordFields.ts), the zone with the incident's
// (shared/model/incidentRecords.ts).
export { InstantSchema } from '../model/recordFields';
export { ZoneSchema } from '../model/incidentRecords';
