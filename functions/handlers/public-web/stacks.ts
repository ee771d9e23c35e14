import { jsonResponse, negotiate } from '../http';
import { stackPage } from './achievement-page';
import { htmlResponse, type PublicWebContext, type RouteHandlers } from './context';
import { notFoundHtml } from './layout';

/** A stack (pathway): a page for people, and its public facts as JSON for machines. */
export function stackRoutes({ services, urls }: PublicWebContext): Pick<RouteHandlers, 'stack'> {
  return {
    stack: async ({ id }, event) => {
      const html =
        negotiate(event.headers.accept, ['text/html', 'application/json'], 'text/html') ===
        'text/html';
      const stack = await services.publicStacks.find(id);
      if (!stack)
        return html
          ? htmlResponse(notFoundHtml('Pathway', 'No active pathway has this address.'), 404)
          : jsonResponse(
              { error: { code: 'STACK_NOT_FOUND', message: 'No such pathway.' } },
              { status: 404 },
            );
      const target = urls.to('currentAchievement', { design: stack.microCredentialId });
      if (!html)
        return jsonResponse(
          {
            id: urls.to('stack', { id: stack.id }),
            name: stack.name,
            description: stack.description ?? null,
            rule: stack.rule,
            required: stack.required,
            parts: stack.parts,
            achievement: target,
          },
          { maxAge: 60 },
        );
      const [institution, targetVersion] = await Promise.all([
        services.institutions.find(stack.institutionId),
        services.publicDocuments.publishedVersion(stack.microCredentialId),
      ]);
      return htmlResponse(
        stackPage({
          url: urls.to('stack', { id: stack.id }),
          stack,
          institution: institution
            ? { name: institution.name, url: urls.issuerProfile(institution.id) }
            : null,
          target: targetVersion ? { name: targetVersion.snapshot.content.name, url: target } : null,
          partUrl: (design) => urls.to('currentAchievement', { design }),
        }),
      );
    },
  };
}
