// Managers: the same bundle as the subject access page, as a JSON file to keep with the
// request. Each download is recorded in the audit trail.
import { data, type LoaderFunctionArgs } from '@remix-run/node';
import { subjectAccess, subjectOf } from '~/models/data-protection/subject-access.server';
import { requireStaff } from '~/utils/staff-session.server';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireStaff(request, 'manager');
  const { kind, id } = subjectOf(params);
  const bundle = subjectAccess(session.user, kind, id);
  if (!bundle) throw data('Not found', { status: 404 });
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      // No name or reference in the file name: a downloads folder is not the place for them.
      'Content-Disposition': `attachment; filename="subject-access-${kind}-${id}-${bundle.producedAt.slice(0, 10)}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
