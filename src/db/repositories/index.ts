/** All PostgreSQL repositories, built over one drizzle database. */
import type { Repositories } from '../../core/ports';
import type { Database } from '../client';
import { createActionRepository } from './action-repository';
import { createAnswerRepository } from './answer-repository';
import { createConversationRepository } from './conversation-repository';
import { createDashboardRepository } from './dashboard-repository';
import { createDashboardAuditRepository, createOrgAdminRepository } from './dashboard-auth-repository';
import { createDeliveryRepository } from './delivery-repository';
import { createKudosRepository } from './kudos-repository';
import { createMemberRepository } from './member-repository';
import { createPrivacyRepository } from './privacy-repository';
import { createQuestionRepository } from './question-repository';
import { createRoundRepository } from './round-repository';
import { createSignalRepository } from './signal-repository';
import { createTeamRepository } from './team-repository';
import { createThreadRepository } from './thread-repository';
import { createWorkspaceRepository } from './workspace-repository';

export {
  createConversationRepository,
  createPrivacyRepository,
  createKudosRepository,
  createActionRepository,
  createQuestionRepository,
  createAnswerRepository,
  createDeliveryRepository,
  createMemberRepository,
  createRoundRepository,
  createSignalRepository,
  createTeamRepository,
  createThreadRepository,
  createWorkspaceRepository,
};

/** Every repository port of src/core/ports/, backed by `db`. */
export function createRepositories(db: Database): Repositories {
  return {
    workspaces: createWorkspaceRepository(db),
    teams: createTeamRepository(db),
    members: createMemberRepository(db),
    rounds: createRoundRepository(db),
    deliveries: createDeliveryRepository(db),
    answers: createAnswerRepository(db),
    questions: createQuestionRepository(db),
    actions: createActionRepository(db),
    kudos: createKudosRepository(db),
    conversations: createConversationRepository(db),
    threads: createThreadRepository(db),
    privacy: createPrivacyRepository(db),
    signals: createSignalRepository(db),
    dashboard: createDashboardRepository(db),
    orgAdmins: createOrgAdminRepository(db),
    dashboardAudit: createDashboardAuditRepository(db),
  };
}
