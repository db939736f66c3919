"""``bpy_extras.object_utils``: adding objects the way Blender's Add menu does.

object_data_add links a new object to the active collection, places it at the 3D cursor
(or where an operator's ``location``/``rotation``/``align`` say), selects it alone and makes
it active. AddObjectHelper gives an operator those three properties.

Whisk is headless: there is no 3D viewport, so ``align='VIEW'`` has no view to align to
(AttributeError, as in Blender without a viewport), the grid scale is always 1, local
view does not exist, and an object in edit mode is never joined with the new data.
"""

__all__ = (
    "add_object_align_init",
    "object_data_add",
    "AddObjectHelper",
    "object_add_grid_scale",
    "object_add_grid_scale_apply_operator",
    "world_to_camera_view",
)

import bpy
from bpy.props import EnumProperty, FloatVectorProperty


def _view3d_space(context):
    space = getattr(context, "space_data", None)
    if space is not None and getattr(space, "type", None) == 'VIEW_3D':
        return space
    return None


def _align_preference(context):
    preferences = getattr(context, "preferences", None)
    edit = getattr(preferences, "edit", None)
    return getattr(edit, "object_align", 'WORLD')


def add_object_align_init(context, operator):
    """The world matrix for a new object: at the operator's ``location`` if the caller set
    it, else at the 3D cursor (written back to the operator); rotated as ``align`` says
    (WORLD: the operator's ``rotation``; CURSOR: the cursor's; VIEW: the viewport's).

    When the caller did not set ``rotation``, ``align`` is reset to the user preference
    (WORLD in Whisk), as Blender does for a freshly invoked operator.
    """
    from mathutils import Euler, Matrix, Vector

    properties = operator.properties if operator is not None else None
    space = _view3d_space(context)
    scene = context.scene

    if properties is not None and properties.is_property_set("location"):
        location = Matrix.Translation(Vector(tuple(properties.location)))
    else:
        location = Matrix.Translation(Vector(tuple(scene.cursor.location)))
        if properties is not None:
            properties.location = location.to_translation()

    if properties is not None:
        if not properties.is_property_set("rotation"):
            properties.align = _align_preference(context)
        align = properties.align
    else:
        align = _align_preference(context)

    if align == 'WORLD':
        if properties is not None:
            rotation = Euler(tuple(properties.rotation)).to_matrix().to_4x4()
        else:
            rotation = Matrix.Identity(4)
    elif align == 'VIEW':
        if space is None:
            raise AttributeError("add_object_align_init(): align='VIEW' needs a 3D viewport "
                                 "(context.space_data), and a headless session has none")
        rotation = space.region_3d.view_matrix.to_3x3().inverted().to_4x4()
        if properties is not None:
            properties.rotation = rotation.to_euler()
    elif align == 'CURSOR':
        rotation = scene.cursor.matrix.to_3x3().to_4x4()
        if properties is not None:
            properties.rotation = rotation.to_euler()
    else:
        rotation = Matrix.Identity(4)

    return location @ rotation


def object_data_add(context, obdata, operator=None, name=None):
    """Add an object using `obdata` (None: an empty) to the active collection of the
    context's view layer, placed by add_object_align_init, and make it the only selected
    object and the active one.

    name: the object's name (default: the data's name, or "Object" for an empty).
    Returns the new object.
    """
    scene = context.scene
    layer = context.view_layer
    layer_collection = getattr(context, "layer_collection", None) or layer.active_layer_collection
    collection = layer_collection.collection

    for ob in scene.objects:
        ob.select_set(False)

    if name is None:
        name = obdata.name if obdata is not None else "Object"
    obj_new = bpy.data.objects.new(name, obdata)
    collection.objects.link(obj_new)
    obj_new.select_set(True)
    obj_new.matrix_world = add_object_align_init(context, operator)

    layer.objects.active = obj_new
    return obj_new


class AddObjectHelper:
    """Mixin for operators that add an object: ``align``, ``location`` and ``rotation``
    properties, used by object_data_add(context, data, operator=self)."""

    def align_update_callback(self, _context):
        if self.align == 'WORLD':
            self.rotation = (0.0, 0.0, 0.0)

    align: EnumProperty(
        name="Align",
        items=(
            ('WORLD', "World", "Keep the new object aligned to the world axes"),
            ('VIEW', "View", "Rotate the new object to face the view"),
            ('CURSOR', "3D Cursor", "Give the new object the 3D cursor's rotation"),
        ),
        default='WORLD',
        update=align_update_callback,
    )
    location: FloatVectorProperty(
        name="Location",
        subtype='TRANSLATION',
    )
    rotation: FloatVectorProperty(
        name="Rotation",
        subtype='EULER',
    )

    @classmethod
    def poll(cls, context):
        return context.scene.library is None


def object_add_grid_scale(context):
    """The 3D viewport's grid scale, which new objects' sizes follow (1.0 without a
    viewport, as always in Whisk)."""
    space = _view3d_space(context)
    if space is not None:
        return space.overlay.grid_scale_unit
    return 1.0


def object_add_grid_scale_apply_operator(operator, context):
    """Scale the operator's length properties that the caller did not set by the grid
    scale (nothing to do at scale 1.0)."""
    grid_scale = object_add_grid_scale(context)
    if grid_scale == 1.0:
        return
    properties = operator.properties
    definitions = properties.bl_rna.properties
    for prop_id in definitions.keys():
        if properties.is_property_set(prop_id):
            continue
        definition = definitions[prop_id]
        if definition.unit == 'LENGTH' and definition.subtype == 'DISTANCE':
            setattr(operator, prop_id, getattr(operator, prop_id) * grid_scale)


def world_to_camera_view(scene, obj, coord):
    """Where world-space `coord` lands in the view of camera object `obj`: (x, y) in
    0..1 across the camera frame (0, 0 is bottom left; outside the frame gives values
    outside 0..1) and z, the distance in front of the camera (negative behind it)."""
    from mathutils import Vector

    local = obj.matrix_world.normalized().inverted() @ Vector(coord)
    depth = -local.z
    camera = obj.data
    corners = [Vector(v) for v in camera.view_frame(scene=scene)]
    min_x = min(v.x for v in corners)
    max_x = max(v.x for v in corners)
    min_y = min(v.y for v in corners)
    max_y = max(v.y for v in corners)
    if camera.type != 'ORTHO':
        if depth == 0.0:
            return Vector((0.5, 0.5, 0.0))
        # The frame lies at its own distance; scale it to the point's. Behind the camera
        # the scale is negative and the frame flips, so x and y run the other way.
        scale = depth / -corners[0].z
        min_x, max_x, min_y, max_y = min_x * scale, max_x * scale, min_y * scale, max_y * scale
    return Vector(((local.x - min_x) / (max_x - min_x), (local.y - min_y) / (max_y - min_y),
                   depth))
