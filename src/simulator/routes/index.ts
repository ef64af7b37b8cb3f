import type { Route } from '../http/router';
import { postAppFieldValues } from './app-field-values';
import { postJqlParse } from './jql-parse';
import { getTask, postIssuePropertiesMulti } from './property-tasks';
import { getBoard, getBoardConfiguration, getBoardSprints, getSprint, listBoards } from './agile';
import { postBulkfetch } from './bulkfetch';
import { postChangelogBulkfetch } from './changelog';
import { getIssueTypes, getLabels, getProject, getProjectComponents, searchProjects } from './catalog';
import { getFields, getIssueLinkTypes, getMyPermissions, getMyself } from './platform';
import { getStatusCategories, getStatuses } from './statuses';
import { getIssueProperty, putIssueProperty } from './properties';
import { getSearchJql, postSearchJql, removedSearch } from './search';
import { getIssue, postIssue, putIssue } from './issue-edit';
import { deleteIssueLink, getIssueLink, postIssueLink } from './issue-links';
import { getTransitions, postTransition } from './transitions';

/** Every endpoint the simulator serves; the template doubles as the stats key. */
export const ROUTES: Route[] = [
  { method: 'GET', template: '/rest/api/3/myself', handler: getMyself },
  { method: 'GET', template: '/rest/api/3/mypermissions', handler: getMyPermissions },
  { method: 'GET', template: '/rest/api/3/field', handler: getFields },
  { method: 'GET', template: '/rest/api/3/issueLinkType', handler: getIssueLinkTypes },
  { method: 'GET', template: '/rest/api/3/issuetype', handler: getIssueTypes },
  { method: 'GET', template: '/rest/api/3/project/search', handler: searchProjects },
  { method: 'GET', template: '/rest/api/3/project/{projectIdOrKey}', handler: getProject },
  {
    method: 'GET',
    template: '/rest/api/3/project/{projectIdOrKey}/components',
    handler: getProjectComponents,
  },
  { method: 'GET', template: '/rest/api/3/label', handler: getLabels },
  { method: 'POST', template: '/rest/api/3/search/jql', handler: postSearchJql },
  { method: 'GET', template: '/rest/api/3/search/jql', handler: getSearchJql },
  { method: 'GET', template: '/rest/api/3/search', handler: removedSearch },
  { method: 'POST', template: '/rest/api/3/search', handler: removedSearch },
  { method: 'GET', template: '/rest/api/2/search', handler: removedSearch },
  { method: 'POST', template: '/rest/api/2/search', handler: removedSearch },
  { method: 'POST', template: '/rest/api/3/issue/bulkfetch', handler: postBulkfetch },
  { method: 'POST', template: '/rest/api/3/changelog/bulkfetch', handler: postChangelogBulkfetch },
  { method: 'GET', template: '/rest/api/3/status', handler: getStatuses },
  { method: 'GET', template: '/rest/api/3/statuscategory', handler: getStatusCategories },
  {
    method: 'GET',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: getIssueProperty,
  },
  {
    method: 'PUT',
    template: '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}',
    handler: putIssueProperty,
  },
  // The board index (issue 11): the app's field values, its bulk property write and its task, the JQL check.
  { method: 'POST', template: '/rest/api/3/issue/properties/multi', handler: postIssuePropertiesMulti },
  { method: 'GET', template: '/rest/api/3/task/{taskId}', handler: getTask },
  { method: 'POST', template: '/rest/api/3/app/field/value', handler: postAppFieldValues },
  { method: 'POST', template: '/rest/api/3/jql/parse', handler: postJqlParse },
  // Writes that Jira follows with the events a Forge trigger receives (see events.ts).
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: getTransitions },
  { method: 'POST', template: '/rest/api/3/issue/{issueIdOrKey}/transitions', handler: postTransition },
  { method: 'POST', template: '/rest/api/3/issue', handler: postIssue },
  { method: 'GET', template: '/rest/api/3/issue/{issueIdOrKey}', handler: getIssue },
  { method: 'PUT', template: '/rest/api/3/issue/{issueIdOrKey}', handler: putIssue },
  { method: 'POST', template: '/rest/api/3/issueLink', handler: postIssueLink },
  { method: 'GET', template: '/rest/api/3/issueLink/{linkId}', handler: getIssueLink },
  { method: 'DELETE', template: '/rest/api/3/issueLink/{linkId}', handler: deleteIssueLink },
  { method: 'GET', template: '/rest/agile/1.0/board', handler: listBoards },
  { method: 'GET', template: '/rest/agile/1.0/board/{boardId}', handler: getBoard },
  {
    method: 'GET',
    template: '/rest/agile/1.0/board/{boardId}/configuration',
    handler: getBoardConfiguration,
  },
  { method: 'GET', template: '/rest/agile/1.0/board/{boardId}/sprint', handler: getBoardSprints },
  { method: 'GET', template: '/rest/agile/1.0/sprint/{sprintId}', handler: getSprint },
];
