import { FieldResolver, Resolver, Root } from 'type-graphql';
import { Photo } from './photo.entity.js';
import { photoUrl, thumbnailUrl } from './photo.service.js';

@Resolver(() => Photo)
export class PhotoResolver {
  @FieldResolver(() => String, {
    description:
      'Path of the image on this server ("/photos/<id>"), to GET with the same Authorization header as the API; the bytes under it never change.',
  })
  url(@Root() photo: Photo): string {
    return photoUrl(photo);
  }

  @FieldResolver(() => String, {
    description:
      'Path of its thumbnail (WebP, at most 320 pixels on its longest side) on this server ("/photos/<id>/thumbnail"), to GET with the same Authorization header as the API.',
  })
  thumbnailUrl(@Root() photo: Photo): string {
    return thumbnailUrl(photo);
  }
}
